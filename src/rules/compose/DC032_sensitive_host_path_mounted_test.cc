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
    // n8n-io/n8n-hosting subfolderWithSSL: Traefik keeps its ACME certificates there.
    Bad("services:\n  traefik:\n    image: traefik:v3.1\n    command:\n"
        "      - --certificatesresolvers.le.acme.storage=/letsencrypt/acme.json\n"
        "    volumes:\n      - /etc/traefik/le:/letsencrypt\n",
        "services:\n  traefik:\n    image: traefik:v3.1\n    command:\n"
        "      - --certificatesresolvers.le.acme.storage=/letsencrypt/acme.json\n"
        "    volumes:\n      - /etc/traefik/le:/letsencrypt\n"),
    Bad("services:\n  t:\n    image: traefik:v3.1\n    volumes:\n      - /root/n8n/letsencrypt:/letsencrypt\n",
        "services:\n  t:\n    image: traefik:v3.1\n    volumes:\n      - /root/n8n/letsencrypt:/letsencrypt\n"),
    Bad("services:\n  prof:\n    image: otel/opentelemetry-ebpf-profiler:0.0.1\n    privileged: true\n"
        "    volumes:\n      - /sys/kernel/tracing:/sys/kernel/tracing\n",
        "services:\n  prof:\n    image: otel/opentelemetry-ebpf-profiler:0.0.1\n    privileged: true\n"
        "    volumes:\n      - /sys/kernel/tracing:/sys/kernel/tracing\n"),
    Bad("services:\n  t:\n    image: x:1\n    volumes:\n      - /root/.ssh:/keys\n",
        "services:\n  t:\n    image: x:1\n    volumes:\n      - /root/.ssh:/keys:ro\n"),
    Good("services:\n  a:\n    image: x:1\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n"),
    Good("services:\n  a:\n    image: x:1\n    volumes:\n      - /srv/app/data:/data\n      - /etcetera:/x\n"),
    Good("services:\n  a:\n    image: x:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n")});

}  // namespace
}  // namespace shipshape
