// DF023 expose-protocol-casing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF023.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF023", {
    Bad("FROM alpine:3.20\nEXPOSE 80/TCP\n", "FROM alpine:3.20\nEXPOSE 80/tcp\n"),
    Bad("FROM alpine:3.20\nEXPOSE 80 53/Udp\n", "FROM alpine:3.20\nEXPOSE 80 53/udp\n"),
    Good("FROM alpine:3.20\nEXPOSE 80/tcp 53/udp\n"), Good("FROM alpine:3.20\nEXPOSE 80\n")});

}  // namespace
}  // namespace shipshape
