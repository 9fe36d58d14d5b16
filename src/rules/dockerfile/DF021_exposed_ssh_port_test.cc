// DF021 exposed-ssh-port
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF021.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF021", {
    Bad("FROM alpine:3.20\nEXPOSE 22\nCMD [\"/app\"]\n", "FROM alpine:3.20\nCMD [\"/app\"]\n"),
    Bad("FROM alpine:3.20\nARG SSH=22\nEXPOSE 80 ${SSH}/tcp\n"),
    Good("FROM alpine:3.20\nEXPOSE 2222 80\n"),
    Good("FROM alpine:3.20 AS test\nEXPOSE 22\nFROM alpine:3.20\nEXPOSE 80\n"),
    Good("FROM alpine:3.20\nEXPOSE 22/udp\n")});

}  // namespace
}  // namespace shipshape
