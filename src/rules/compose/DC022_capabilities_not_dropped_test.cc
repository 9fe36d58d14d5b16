// DC022 capabilities-not-dropped
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC022.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC022", {
    Bad("services:\n  cache:\n    image: redis:7.4\n",
        "services:\n  cache:\n    image: redis:7.4\n    cap_drop:\n      - ALL\n    cap_add:\n      - CHOWN\n"
        "      - SETGID\n      - SETUID\n"),
    Bad("services:\n  prom:\n    image: prom/prometheus:v2.53.0\n    cap_drop: [NET_RAW]\n",
        "services:\n  prom:\n    image: prom/prometheus:v2.53.0\n    cap_drop: [NET_RAW, ALL]\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n",
        "services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n      - CHOWN\n"
        "      - SETGID\n      - SETUID\n    cap_drop:\n      - ALL\n"),
    Bad("services:\n  app:\n    image: ${APP_IMAGE}\n",
        "services:\n  app:\n    image: ${APP_IMAGE}\n    cap_drop:\n      - ALL\n    cap_add:\n      - CHOWN\n"
        "      - DAC_OVERRIDE\n      - FOWNER\n      - KILL\n      - NET_BIND_SERVICE\n      - SETGID\n"
        "      - SETUID\n"),
    Bad("services:\n  app:\n    build: .\n    cap_add: [SETUID, SYS_NICE]\n",
        "services:\n  app:\n    build: .\n    cap_add: [SETUID, SYS_NICE, CHOWN, DAC_OVERRIDE, FOWNER, KILL, "
        "NET_BIND_SERVICE, SETGID]\n    cap_drop:\n      - ALL\n"),
    Bad("services:\n  agent:\n    image: myorg/agent:1.0\n    network_mode: host\n"),
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    cap_add: [ALL]\n"),
    Good("services:\n  cache:\n    image: redis:7.4\n    cap_drop: [ALL]\n"),
    Good("services:\n  x:\n    image: myorg/x:1\n    privileged: true\n"),
    Good("services:\n  app:\n    build: .\n    cap_drop: [ALL]\n    cap_add: [CHOWN, SETUID]\n"),
    Good("x-hard: &hard\n  cap_drop: [all]\nservices:\n  a:\n    <<: *hard\n    image: x:1\n"),
    Good("services:\n  web:\n    environment:\n      A: b\n")});

}  // namespace
}  // namespace shipshape
