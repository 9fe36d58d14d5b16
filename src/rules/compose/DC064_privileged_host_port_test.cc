// DC064 privileged-host-port
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC064.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC064", {
    Bad("services:\n  ssh:\n    image: a:1\n    ports: [\"22:22\"]\n"),
    Bad("services:\n  web:\n    image: a:1\n    ports:\n      - target: 80\n        published: 80\n"),
    Good("services:\n  ssh:\n    image: a:1\n    ports: [\"2222:22\", \"8080\"]\n")});

}  // namespace
}  // namespace shipshape
