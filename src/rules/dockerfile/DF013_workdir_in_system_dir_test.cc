// DF013 workdir-in-system-dir
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF013.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF013", {
    Bad("FROM alpine:3.20\nWORKDIR /proc/app\n"), Bad("FROM alpine:3.20\nENV D=/dev\nWORKDIR $D/x\n"),
    Good("FROM alpine:3.20\nWORKDIR /app\n"), Good("FROM alpine:3.20\nWORKDIR /devtools\n")});

}  // namespace
}  // namespace shipshape
