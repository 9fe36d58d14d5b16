// DC021 dangerous-capability-added
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC021.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC021", {
    Bad("services:\n  vpn:\n    image: myorg/vpn:1.0\n    cap_add: [SYS_ADMIN]\n"),
    Bad("services:\n  dbg:\n    image: myorg/dbg:1.0\n    cap_add:\n      - CAP_SYS_PTRACE\n      - ALL\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_BIND_SERVICE]\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    cap_drop: [SYS_ADMIN]\n")});

}  // namespace
}  // namespace shipshape
