// DC042 depends-on-not-waiting-for-healthy
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC042.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC042", {
    Bad("services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n      - cache\n  db:\n    image: postgres:16\n"
        "    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n  cache:\n    image: redis:7\n",
        "services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n"
        "        condition: service_started\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"
        "  cache:\n    image: redis:7\n"),
    Bad("services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        restart: true\n"
        "  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n",
        "services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        restart: true\n        condition: service_healthy\n"
        "  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n"),
    crules::InFile("docker-stack.yml", Good("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"
                              "  api:\n    image: a:1\n    depends_on:\n      - db\n")),
    Good("services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_started\n"
         "  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n"),
    Bad("services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n",
        "services:\n  api:\n    image: a:1\n    depends_on: {db: {condition: service_healthy}}\n  db:\n    image: postgres:16\n"
        "    healthcheck:\n      test: pg_isready\n"),
    Good("services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n"
         "    healthcheck:\n      test: pg_isready\n"),
    // An interpolated name cannot become a mapping key: reported, not rewritten.
    Bad("services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n      - ${CACHE_HOST:-cache}\n"
        "  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n",
        "services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n      - ${CACHE_HOST:-cache}\n"
        "  db:\n    image: postgres:16\n    healthcheck:\n      test: pg_isready\n"),
    Good("services:\n  api:\n    image: a:1\n    depends_on: [cache]\n  cache:\n    image: redis:7\n"),
    Good("services:\n  api:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n")});

}  // namespace
}  // namespace shipshape
