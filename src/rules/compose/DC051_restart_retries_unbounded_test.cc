// DC051 restart-retries-unbounded
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC051.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC051", {
    Bad("services:\n  w:\n    image: a:1\n    restart: on-failure:20\n", "services:\n  w:\n    image: a:1\n    restart: on-failure:5\n"),
    Bad("services:\n  w:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 10\n",
        "services:\n  w:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 5\n"),
    Good("services:\n  w:\n    image: a:1\n    restart: on-failure:3\n"),
    Good("services:\n  w:\n    image: a:1\n    restart: unless-stopped\n")});

}  // namespace
}  // namespace shipshape
