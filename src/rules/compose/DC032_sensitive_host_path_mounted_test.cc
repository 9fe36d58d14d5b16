// DC032 sensitive-host-path-mounted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC032.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC032", {
    Bad("services:\n  agent:\n    image: myorg/agent:1.2\n    volumes:\n      - /etc:/host/etc\n",
        "services:\n  agent:\n    image: myorg/agent:1.2\n    volumes:\n      - /etc:/host/etc:ro\n"),
    Bad("services:\n  agent:\n    image: myorg/agent:1.2\n    volumes:\n      - \"/:/rootfs:rslave\"\n",
        "services:\n  agent:\n    image: myorg/agent:1.2\n    volumes:\n      - \"/:/rootfs:ro,rslave\"\n"),
    Bad("services:\n  agent:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /var/lib/docker/../docker/volumes\n        target: /v\n",
        "services:\n  agent:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /var/lib/docker/../docker/volumes\n        target: /v\n        read_only: true\n"),
    Good("services:\n  a:\n    image: x:1\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n"),
    Good("services:\n  a:\n    image: x:1\n    volumes:\n      - /srv/app/data:/data\n      - /etcetera:/x\n"),
    Good("services:\n  a:\n    image: x:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n")});

}  // namespace
}  // namespace shipshape
