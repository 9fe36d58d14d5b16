// DF009 unpinned-syntax-directive
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF009.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF009", {
    Bad("# syntax=docker/dockerfile:1\nFROM alpine:3.20\n"),
    Bad("# syntax=docker/dockerfile\nFROM alpine:3.20\n"),
    Good("# syntax=docker/dockerfile:1.10@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM alpine:3.20\n"),
    Good("FROM alpine:3.20\n")});

}  // namespace
}  // namespace shipshape
