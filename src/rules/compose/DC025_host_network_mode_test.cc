// DC025 host-network-mode
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC025.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC025", {
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    network_mode: host\n"),
    Bad("x-h: &h\n  network_mode: host\nservices:\n  a:\n    <<: *h\n    image: x:1\n  b:\n    <<: *h\n    image: y:1\n"),
    Good("services:\n  app:\n    image: myorg/app:1.0\n"),
    Good("services:\n  a:\n    image: x:1\n    network_mode: ${MODE}\n")});

}  // namespace
}  // namespace shipshape
