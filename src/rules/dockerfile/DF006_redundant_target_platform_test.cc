// DF006 redundant-target-platform
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF006.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF006", {
    Bad("FROM --platform=$TARGETPLATFORM alpine:3.20\n", "FROM alpine:3.20\n"),
    Bad("FROM --platform=${TARGETPLATFORM} alpine:3.20 AS a\n", "FROM alpine:3.20 AS a\n"),
    Good("FROM --platform=$BUILDPLATFORM alpine:3.20\n"),
    Good("FROM alpine:3.20\n")});

}  // namespace
}  // namespace shipshape
