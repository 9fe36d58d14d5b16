// DF097 consecutive-run-instructions
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF097.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF097", {
    Bad("FROM debian:12\nRUN mkdir -p /app\nRUN chown app /app\n",
        "FROM debian:12\nRUN mkdir -p /app && chown app /app\n"),
    Bad("FROM debian:12\nRUN a\n# why\nRUN b\n"),
    Good("FROM debian:12\nRUN a\nWORKDIR /x\nRUN b\n"),
    Good("FROM debian:12\nRUN a && b && c\nRUN d\n"),
    Good("FROM debian:12\nRUN a; b\nRUN c\n"),
    Bad("FROM debian:12\nRUN a && b\nRUN c\nRUN d\n"),
    Good("FROM debian:12 AS b\nRUN a\nRUN b\nFROM scratch\nCOPY --from=b /x /x\n"),
    Good("FROM debian:12\nRUN --mount=type=cache,target=/x a\nRUN b\n")});

}  // namespace
}  // namespace shipshape
