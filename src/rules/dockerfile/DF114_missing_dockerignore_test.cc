// DF114 missing-dockerignore
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF114.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF114", {
    TestCase{.bad = true, .source = "FROM alpine:3.20\nCOPY . /app\n", .fixed = {}, .path = "app/Dockerfile"},
    TestCase{.bad = true, .source = "FROM node:22\nCOPY src/ /app/src/\n", .fixed = {}, .path = "Dockerfile"},
    TestCase{.bad = false, .source = "FROM alpine:3.20\nCOPY app.py /app/\n", .fixed = {}, .path = "Dockerfile"},
    TestCase{.bad = false, .source = "FROM a:1 AS b\nFROM alpine:3.20\nCOPY --from=b / /x\n", .fixed = {},
             .path = "Dockerfile"},
    Good("FROM alpine:3.20\nCOPY . /app\n")});

}  // namespace
}  // namespace shipshape
