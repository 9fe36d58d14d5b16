// DC041 healthcheck-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC041.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC041", {
    Bad("services:\n  db:\n    image: postgres:16\n",
        "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER:-postgres}\"]\n"
        "      interval: 10s\n      timeout: 5s\n      retries: 5\n      start_period: 30s\n"),
    Bad("services:\n  cache:\n    image: redis:7-alpine\n    restart: always\n",
        "services:\n  cache:\n    image: redis:7-alpine\n    restart: always\n    healthcheck:\n"
        "      test: [\"CMD\", \"redis-cli\", \"ping\"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n"
        "      start_period: 10s\n"),
    Bad("services:\n  app:\n    image: myorg/app:1.0\n"),
    Good("services:\n  zipkin:\n    image: openzipkin/zipkin:3\n"),
    Good("services:\n  cadvisor:\n    image: gcr.io/cadvisor/cadvisor:v0.49.1\n"),
    Good("services:\n  webserver:\n    image: ghcr.io/paperless-ngx/paperless-ngx:latest\n"),
    Good("services:\n  data:\n    image: busybox:1.37\n    command: /bin/true\n"),
    crules::InFile("docker-compose.test.yml", Good("services:\n  db:\n    image: postgres:16\n")),
    Good("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"),
    Good("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n"),
    Good("services:\n  app:\n    build: .\n"),
    Good("services:\n  job:\n    image: alpine:3.20\n    restart: \"no\"\n")});

}  // namespace
}  // namespace shipshape
