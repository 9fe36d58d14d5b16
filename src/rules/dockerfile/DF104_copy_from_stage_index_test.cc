// DF104 copy-from-stage-index
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF104.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF104", {
    Bad("FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
        "FROM golang:1.23 AS stage-0\nFROM alpine:3.20\nCOPY --from=stage-0 /app /app\n"),
    Bad("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=0 /app /app\n",
        "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n"),
    Bad("from golang:1.23\nfrom alpine:3.20\ncopy --from=0 /a /a\ncopy --from=0 /b /b\n",
        "from golang:1.23 as stage-0\nfrom alpine:3.20\ncopy --from=stage-0 /a /a\ncopy --from=stage-0 /b /b\n"),
    Good("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\n")});

}  // namespace
}  // namespace shipshape
