// DC043 depends-on-healthy-without-healthcheck
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC043.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC043", {
    Bad("services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n",
        "services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n"
        "    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER:-postgres}\"]\n      interval: 10s\n"
        "      timeout: 5s\n      retries: 5\n      start_period: 30s\n"),
    Bad("services:\n  api:\n    image: a:1\n    depends_on:\n      w:\n        condition: service_healthy\n  w:\n    image: myorg/w:1\n"
        "    healthcheck:\n      test: [\"NONE\"]\n"),
    Good("services:\n  api:\n    image: a:1\n    depends_on:\n      w:\n        condition: service_healthy\n  w:\n    image: myorg/w:1\n"),
    Good("services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n"
         "    healthcheck:\n      test: pg_isready\n")});

}  // namespace
}  // namespace shipshape
