// DC082 duplicate-list-entry
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC082.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC082", {
    Bad("services:\n  web:\n    image: a:1\n    cap_drop:\n      - ALL\n      - NET_RAW\n      - CAP_NET_RAW\n",
        "services:\n  web:\n    image: a:1\n    cap_drop:\n      - ALL\n      - NET_RAW\n"),
    Bad("services:\n  web:\n    image: a:1\n    environment:\n      - MODE=a\n      - MODE=b\n"),
    Bad("services:\n  web:\n    image: a:1\n    ports: [\"80:80\", \"80:80\"]\n", "services:\n  web:\n    image: a:1\n    ports: [\"80:80\"]\n"),
    Good("services:\n  web:\n    image: a:1\n    ports: [\"80:80\", \"443:443\"]\n    environment: [A=1, B=1]\n")});

}  // namespace
}  // namespace shipshape
