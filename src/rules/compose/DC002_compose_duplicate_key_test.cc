// DC002 compose-duplicate-key
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC002.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC002", {
    Bad("services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n"),
    Bad("services:\n  a:\n    image: x:1\n  a:\n    image: y:1\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n")});

}  // namespace
}  // namespace shipshape
