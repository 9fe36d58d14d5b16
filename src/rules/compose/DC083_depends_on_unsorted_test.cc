// DC083 depends-on-unsorted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC083.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC083", {
    Bad("services:\n  api:\n    image: a:1\n    depends_on:\n      - redis\n      - db\n",
        "services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n      - redis\n"),
    Bad("services:\n  api:\n    image: a:1\n    depends_on:\n      redis:\n        condition: service_started\n      db:\n"
        "        condition: service_healthy\n",
        "services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n"
        "        condition: service_started\n"),
    Good("services:\n  api:\n    image: a:1\n    depends_on: [db, redis]\n")});

}  // namespace
}  // namespace shipshape
