// DF012 non-numeric-user
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF012.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF012", {
    Bad("FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app\n",
        "FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001\n"),
    Bad("FROM alpine:3.20\nRUN useradd --uid=999 -r web && true\nUSER web:web\n",
        "FROM alpine:3.20\nRUN useradd --uid=999 -r web && true\nUSER 999:web\n"),
    Bad("FROM node:22\nUSER node\n"),
    Good("FROM alpine:3.20\nUSER 10001\n"), Good("FROM alpine:3.20\nARG UID\nUSER $UID\n"),
    Good("FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 1000:1000\n"),
    Good("FROM alpine:3.20\nUSER root\n")});

}  // namespace
}  // namespace shipshape
