// DC084 services-unsorted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC084.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC084", {
    Bad("services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n",
        "services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n"),
    Bad("services:\n  web: &w\n    image: nginx:1.27\n  db:\n    image: postgres:16\n  zz: *w\n"),
    Good("services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n")});

}  // namespace
}  // namespace shipshape
