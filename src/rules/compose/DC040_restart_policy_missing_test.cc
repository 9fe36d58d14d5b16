// DC040 restart-policy-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC040.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC040", {
    Bad("services:\n  api:\n    image: myorg/api:1.4\n",
        "services:\n  api:\n    image: myorg/api:1.4\n    restart: unless-stopped\n"),
    Bad("services:\n  api: {image: \"myorg/api:1.4\"}\n",
        "services:\n  api: {image: \"myorg/api:1.4\", restart: unless-stopped}\n"),
    Bad("services:\r\n  api:\r\n    image: myorg/api:1.4\r\n    ports:\r\n      - \"8080:80\"\r\n",
        "services:\r\n  api:\r\n    image: myorg/api:1.4\r\n    ports:\r\n      - \"8080:80\"\r\n    restart: unless-stopped\r\n"),
    Good("services:\n  api:\n    image: myorg/api:1.4\n    restart: always\n"),
    Good("services:\n  api:\n    image: myorg/api:1.4\n    deploy:\n      restart_policy:\n        condition: on-failure\n"),
    Good("services:\n  migrate:\n    image: myorg/api:1.4\n  api:\n    image: myorg/api:1.4\n    restart: always\n"
         "    depends_on:\n      migrate:\n        condition: service_completed_successfully\n"),
    Good("x-base: &base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: x:1\n"),
    Good("services:\n  api:\n    environment:\n      A: b\n")});

}  // namespace
}  // namespace shipshape
