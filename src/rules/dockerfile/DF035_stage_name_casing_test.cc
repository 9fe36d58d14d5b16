// DF035 stage-name-casing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF035.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF035", {
    Bad("FROM golang:1.23 AS Builder\nFROM alpine:3.20\nCOPY --from=Builder /app /app\n",
        "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n"),
    Bad("FROM alpine:3.20 AS Base\nFROM Base\nRUN --mount=type=cache,from=BASE,target=/c true\n",
        "FROM alpine:3.20 AS base\nFROM base\nRUN --mount=type=cache,from=base,target=/c true\n"),
    Good("FROM golang:1.23 AS builder\n"), Good("FROM golang:1.23\n")});

}  // namespace
}  // namespace shipshape
