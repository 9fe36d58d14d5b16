// DF030 multi-source-copy-dest-without-slash
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF030.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF030", {
    Bad("FROM alpine:3.20\nCOPY a b /app\n", "FROM alpine:3.20\nCOPY a b /app/\n"),
    Bad("FROM alpine:3.20\nCOPY [\"a\", \"b\", \"/app\"]\n",
        "FROM alpine:3.20\nCOPY [\"a\", \"b\", \"/app/\"]\n"),
    Bad("FROM alpine:3.20\nONBUILD ADD x y /z\n", "FROM alpine:3.20\nONBUILD ADD x y /z/\n"),
    Good("FROM alpine:3.20\nCOPY a b /app/\n"), Good("FROM alpine:3.20\nCOPY a /app\n"),
    Good("FROM alpine:3.20\nWORKDIR /app\nCOPY a b .\n"),
    Good("FROM alpine:3.20\nCOPY a b $DEST\n")});

}  // namespace
}  // namespace shipshape
