// DC066 unauthenticated-admin-port-published
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC066.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC066", {
    Bad("services:\n  proxy:\n    image: traefik:v3.1\n    command: [\"--api.insecure=true\", \"--providers.docker\"]\n"
        "    ports:\n      - \"80:80\"\n      - \"8080:8080\"\n"),
    Bad("services:\n  proxy:\n    image: traefik:v2.11\n    command: --api.insecure --providers.docker\n"
        "    ports:\n      - 8080:8080\n"),
    Bad("services:\n  api:\n    image: myorg/api:1\n    environment:\n"
        "      JAVA_TOOL_OPTIONS: -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005\n"
        "    ports:\n      - \"8080:8080\"\n      - \"5005:5005\"\n"),
    Good("services:\n  proxy:\n    image: traefik:v3.1\n    command: [\"--api.insecure=true\"]\n"
         "    ports:\n      - \"127.0.0.1:8080:8080\"\n"),
    Good("services:\n  proxy:\n    image: traefik:v3.1\n    command: [\"--api.dashboard=true\"]\n"
         "    ports:\n      - \"8080:8080\"\n"),
    Good("services:\n  api:\n    image: myorg/api:1\n    environment:\n"
         "      JAVA_TOOL_OPTIONS: -agentlib:jdwp=transport=dt_socket,server=y,address=*:5005\n"
         "    ports:\n      - \"8080:8080\"\n      - \"127.0.0.1:5005:5005\"\n")});

}  // namespace
}  // namespace shipshape
