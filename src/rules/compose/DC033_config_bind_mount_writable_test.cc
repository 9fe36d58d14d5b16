// DC033 config-bind-mount-writable
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC033.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC033", {
    Bad("services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf\n",
        "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n"),
    Bad("services:\n  db:\n    image: postgres:16\n    volumes:\n      - './init:/docker-entrypoint-initdb.d:z'\n",
        "services:\n  db:\n    image: postgres:16\n    volumes:\n      - './init:/docker-entrypoint-initdb.d:ro,z'\n"),
    Bad("services:\n  p:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - type: bind\n        source: ./prometheus.yml\n        target: /etc/prometheus/prometheus.yml\n",
        "services:\n  p:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - type: bind\n        source: ./prometheus.yml\n        target: /etc/prometheus/prometheus.yml\n        read_only: true\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n"),
    Good("services:\n  t:\n    image: traefik:v3.1\n    volumes:\n      - ./acme.json:/acme.json\n      - ./data:/data\n"),
    Good("services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n")});

}  // namespace
}  // namespace shipshape
