// DC024 container-runs-as-root
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC024.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC024", {
    Bad("services:\n  app:\n    image: myorg/app:2.0\n    user: root\n"),
    Bad("services:\n  app:\n    image: myorg/app:2.0\n    user: \"0:0\"\n"),
    Good("services:\n  app:\n    image: myorg/app:2.0\n    user: \"1000:1000\"\n"),
    Good("services:\n  app:\n    image: myorg/app:2.0\n    user: ${UID}\n")});

}  // namespace
}  // namespace shipshape
