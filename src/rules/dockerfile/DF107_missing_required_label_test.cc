// DF107 missing-required-label
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF107.snap.
#include "rules/cases.h"
#include "dockerfile/dockerfile.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Schema(Config& c) {
  c.label_schema = {{"org.opencontainers.image.source", "url"},
                    {"org.opencontainers.image.version", "semver"}};
}

const RuleCases kCases("DF107", {
    WithConfig(Schema, Bad("FROM alpine:3.20\n",
                           "FROM alpine:3.20\nLABEL org.opencontainers.image.version=\"0.0.0\"\n"
                           "LABEL org.opencontainers.image.source=\"https://example.com/CHANGE-ME\"\n")),
    WithConfig(Schema, Bad("from alpine:3.20 AS app\r\nlabel org.opencontainers.image.version=1.0\r\n",
                           "from alpine:3.20 AS app\r\nlabel org.opencontainers.image.source="
                           "\"https://example.com/CHANGE-ME\"\r\nlabel org.opencontainers.image.version=1.0\r\n")),
    WithConfig(Schema, Good("FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.source=u\n"
                            "FROM base\nLABEL org.opencontainers.image.version=1.0\n")),
    Good("FROM alpine:3.20\n")});

}  // namespace
}  // namespace shipshape
