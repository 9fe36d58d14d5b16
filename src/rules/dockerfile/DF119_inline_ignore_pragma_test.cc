// DF119 inline-ignore-pragma
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF119.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF119", {
    Bad("FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n"),
    Bad("# shipshape global ignore=DF001\nFROM alpine\n"),
    Good("FROM alpine:3.20\n# install curl\nRUN apk add curl\n")});

}  // namespace
}  // namespace shipshape
