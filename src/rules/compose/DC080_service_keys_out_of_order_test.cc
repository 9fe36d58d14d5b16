// DC080 service-keys-out-of-order
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC080.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC080", {
    Bad("services:\n  web:\n    ports: [\"80:80\"]\n    image: nginx:1.27\n",
        "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    restart: always\n    # env\n    environment:\n      A: b\n    x-note: 1\n",
        "services:\n  web:\n    image: nginx:1.27\n    # env\n    environment:\n      A: b\n    restart: always\n    x-note: 1\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    ports: [\"80:80\"]\n    restart: always\n    cpus: 1\n")});

}  // namespace
}  // namespace shipshape
