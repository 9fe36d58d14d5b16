// DF037 inconsistent-instruction-casing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF037.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF037", {
    Bad("FROM alpine:3.20\nrun apk add curl\nCOPY . /app\n",
        "FROM alpine:3.20\nRUN apk add curl\nCOPY . /app\n"),
    Bad("from alpine:3.20\nRun true\ncopy . /app\n", "from alpine:3.20\nrun true\ncopy . /app\n"),
    Bad("FROM alpine:3.20\nONBUILD run true\n", "FROM alpine:3.20\nONBUILD RUN true\n"),
    Good("FROM alpine:3.20\nRUN true\n"), Good("from alpine:3.20\nrun true\n")});

}  // namespace
}  // namespace shipshape
