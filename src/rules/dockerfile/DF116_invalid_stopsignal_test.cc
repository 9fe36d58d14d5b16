// DF116 invalid-stopsignal
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF116.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF116", {
    Bad("FROM alpine:3.20\nSTOPSIGNAL SIGTERMM\n"), Bad("FROM alpine:3.20\nSTOPSIGNAL 9\n"),
    Bad("FROM alpine:3.20\nSTOPSIGNAL kill\n"),
    Good("FROM alpine:3.20\nSTOPSIGNAL SIGQUIT\n"), Good("FROM alpine:3.20\nSTOPSIGNAL 15\n"),
    Good("FROM alpine:3.20\nSTOPSIGNAL SIGRTMIN+3\n"), Good("FROM alpine:3.20\nARG S\nSTOPSIGNAL $S\n")});

}  // namespace
}  // namespace shipshape
