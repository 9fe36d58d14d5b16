// DC036 security-profile-disabled
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC036.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC036", {
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    security_opt:\n      - seccomp:unconfined\n",
        "services:\n  app:\n    image: myorg/app:1.0\n"),
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    security_opt:\n      - no-new-privileges:true\n      - apparmor=unconfined\n",
        "services:\n  app:\n    image: myorg/app:1.0\n    security_opt:\n      - no-new-privileges:true\n"),
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    security_opt: [label:disable, \"no-new-privileges\"]\n",
        "services:\n  app:\n    image: myorg/app:1.0\n    security_opt: [\"no-new-privileges\"]\n"),
    Good("services:\n  app:\n    image: myorg/app:1.0\n    security_opt:\n      - seccomp:./profile.json\n"),
    Good("services:\n  app:\n    image: myorg/app:1.0\n")});

}  // namespace
}  // namespace shipshape
