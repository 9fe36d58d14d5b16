// DC062 database-on-shared-network
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC062.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC062", {
    Bad("services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n  db:\n    image: postgres:16\n"),
    Bad("services:\n  app:\n    build: .\n    ports: [\"8000:8000\"]\n  cache:\n    image: redis:7\n  db:\n    image: mysql:8\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n    networks: [front]\n  db:\n    image: postgres:16\n"
         "    networks: [back]\nnetworks:\n  front:\n  back:\n    internal: true\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n")});

}  // namespace
}  // namespace shipshape
