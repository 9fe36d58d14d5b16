// DC001 compose-schema-violation
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC001.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC001", {
    Bad("services:\n  web:\n    image: nginx:1.27\n    restart_policy:\n      condition: on-failure\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    imagee: x\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"${PORT:-80}:80\"\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n")});

}  // namespace
}  // namespace shipshape
