// DF032 copy-from-own-stage
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF032.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF032", {
    Bad("FROM alpine:3.20 AS build\nCOPY --from=build /out /dist\n"),
    Bad("FROM alpine:3.20\nCOPY --from=0 /out /dist\n"),
    Good("FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /out /dist\n"),
    Good("FROM alpine:3.20 AS a\nFROM a AS b\nCOPY --from=a /x /y\n")});

}  // namespace
}  // namespace shipshape
