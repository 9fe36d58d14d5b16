// DF034 reserved-stage-name
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF034.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF034", {
    Bad("FROM alpine:3.20 AS scratch\n"), Bad("FROM alpine:3.20 AS Context\n"),
    Good("FROM scratch AS base\n")});

}  // namespace
}  // namespace shipshape
