// DC028 host-uts-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC028.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC028", {
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    uts: host\n"),
    Bad("x-h: &h\n  uts: host\nservices:\n  a:\n    <<: *h\n    image: x:1\n  b:\n    <<: *h\n    image: y:1\n"),
    Good("services:\n  app:\n    image: myorg/app:1.0\n"),
    Good("services:\n  a:\n    image: x:1\n    uts: ${MODE}\n")});

}  // namespace
}  // namespace shipshape
