// DC023 no-new-privileges-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC023.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC023", {
    Bad("services:\n  smtp:\n    image: mailu/postfix:2024.06\n",
        "services:\n  smtp:\n    image: mailu/postfix:2024.06\n"),  // no fix: setgid postdrop
    Bad("services:\n  api:\n    image: myorg/api:1.4\n",
        "services:\n  api:\n    image: myorg/api:1.4\n    security_opt:\n      - no-new-privileges:true\n"),
    Bad("services:\n  api:\n    image: myorg/api:1.4\n    security_opt: [\"label:type:svirt_apache_t\"]\n",
        "services:\n  api:\n    image: myorg/api:1.4\n    security_opt: [\"label:type:svirt_apache_t\", no-new-privileges:true]\n"),
    Bad("services:\n  api:\n    image: myorg/api:1.4\n    security_opt:\n      - no-new-privileges:false\n",
        "services:\n  api:\n    image: myorg/api:1.4\n    security_opt:\n      - no-new-privileges:true\n"),
    Good("services:\n  api:\n    image: myorg/api:1.4\n    security_opt: [no-new-privileges]\n"),
    Good("services:\n  api:\n    image: myorg/api:1.4\n    security_opt:\n      - no-new-privileges=true\n"),
    Good("x-sec: &sec\n  security_opt: [\"no-new-privileges:true\"]\nservices:\n  a:\n    <<: *sec\n    image: x:1\n"),
    Good("services:\n  base:\n    image: x:1\n    security_opt: [no-new-privileges:true]\n  a:\n    extends: base\n")});

}  // namespace
}  // namespace shipshape
