// DC029 host-user-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC029.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC029", {
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    userns_mode: host\n"),
    Bad("x-h: &h\n  userns_mode: host\nservices:\n  a:\n    <<: *h\n    image: x:1\n  b:\n    <<: *h\n    image: y:1\n"),
    Good("services:\n  app:\n    image: myorg/app:1.0\n"),
    Good("services:\n  a:\n    image: x:1\n    userns_mode: ${MODE}\n")});

}  // namespace
}  // namespace shipshape
