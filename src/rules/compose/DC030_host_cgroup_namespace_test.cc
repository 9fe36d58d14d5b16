// DC030 host-cgroup-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC030.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC030", {
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    cgroup: host\n"),
    Bad("x-h: &h\n  cgroup: host\nservices:\n  a:\n    <<: *h\n    image: x:1\n  b:\n    <<: *h\n    image: y:1\n"),
    Good("services:\n  app:\n    image: myorg/app:1.0\n"),
    Good("services:\n  a:\n    image: x:1\n    cgroup: ${MODE}\n")});

}  // namespace
}  // namespace shipshape
