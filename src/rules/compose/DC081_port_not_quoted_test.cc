// DC081 port-not-quoted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC081.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC081", {
    Bad("services:\n  ssh:\n    image: a:1\n    ports:\n      - 2222:22\n      - 80\n",
        "services:\n  ssh:\n    image: a:1\n    ports:\n      - \"2222:22\"\n      - \"80\"\n"),
    Bad("services:\n  ssh:\n    image: a:1\n    expose: [3000]\n", "services:\n  ssh:\n    image: a:1\n    expose: [\"3000\"]\n"),
    Good("services:\n  ssh:\n    image: a:1\n    ports:\n      - \"2222:22\"\n      - '80'\n      - target: 80\n")});

}  // namespace
}  // namespace shipshape
