// DF110 deprecated-label-schema
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF110.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF110", {
    Bad("FROM alpine:3.20\nLABEL org.label-schema.vcs-url=\"https://g.com/o/a\"\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.source=\"https://g.com/o/a\"\n"),
    Bad("FROM alpine:3.20\nLABEL org.label-schema.schema-version=1.0\n"),
    Good("FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://g.com/o/a\n")});

}  // namespace
}  // namespace shipshape
