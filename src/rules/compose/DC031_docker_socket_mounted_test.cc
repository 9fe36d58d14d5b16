// DC031 docker-socket-mounted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC031.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC031", {
    Bad("services:\n  t:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n"),
    Bad("services:\n  t:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /run/podman/podman.sock\n        target: /var/run/docker.sock\n"),
    Bad("services:\n  agent:\n    image: x:1\n    volumes:\n      - /var/run:/var/run:ro\n"),
    Bad("services:\n  agent:\n    image: x:1\n    volumes:\n      - /run/:/host/run\n"),
    Good("services:\n  t:\n    image: x:1\n    volumes:\n      - /var/run/postgresql:/var/run/postgresql\n"),
    Good("services:\n  t:\n    image: x:1\n    volumes:\n      - ./data:/data\n"),
    Good("services:\n  t:\n    image: x:1\n    volumes:\n      - ${SOCK}:/var/run/docker.sock\n")});

}  // namespace
}  // namespace shipshape
