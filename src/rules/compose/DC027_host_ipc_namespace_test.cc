// DC027 host-ipc-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC027.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC027", {
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    ipc: host\n"),
    Bad("x-h: &h\n  ipc: host\nservices:\n  a:\n    <<: *h\n    image: x:1\n  b:\n    <<: *h\n    image: y:1\n"),
    Good("services:\n  app:\n    image: myorg/app:1.0\n"),
    Good("services:\n  a:\n    image: x:1\n    ipc: ${MODE}\n")});

}  // namespace
}  // namespace shipshape
