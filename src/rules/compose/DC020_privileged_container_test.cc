// DC020 privileged-container
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC020.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC020", {
    Bad("services:\n  agent:\n    image: myorg/agent:2.1\n    privileged: true\n"),
    Bad("services:\n  agent:\n    image: myorg/agent:2.1\n    privileged: \"yes\"\n"),
    Bad("x-priv: &priv\n  privileged: true\nservices:\n  a:\n    <<: *priv\n    image: x:1\n"),
    Good("services:\n  agent:\n    image: myorg/agent:2.1\n    privileged: false\n"),
    Good("services:\n  agent:\n    image: myorg/agent:2.1\n    privileged: ${PRIV}\n")});

}  // namespace
}  // namespace shipshape
