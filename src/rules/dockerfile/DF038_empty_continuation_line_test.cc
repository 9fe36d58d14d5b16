// DF038 empty-continuation-line
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF038.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF038", {
    Bad("FROM alpine:3.20\nRUN apk add \\\n\n    curl\n", "FROM alpine:3.20\nRUN apk add \\\n    curl\n"),
    Bad("FROM alpine:3.20\r\nRUN a \\\r\n  \r\n  b\r\n", "FROM alpine:3.20\r\nRUN a \\\r\n  b\r\n"),
    Good("FROM alpine:3.20\nRUN apk add \\\n    curl\n"),
    Good("FROM alpine:3.20\nRUN apk add \\\n# comment\n    curl\n")});

}  // namespace
}  // namespace shipshape
