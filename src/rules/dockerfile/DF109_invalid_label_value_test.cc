// DF109 invalid-label-value
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF109.snap.
#include "rules/cases.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Schema(Config& c) {
  c.label_schema = {{"org.example.commit", "hash"}, {"org.example.version", "semver"},
                    {"org.example.contact", "email"}};
}

const RuleCases kCases("DF109", {
    Bad("FROM alpine:3.20\nLABEL org.opencontainers.image.created=yesterday\n"),
    Bad("FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"Apache 2\"\n"),
    Bad("FROM alpine:3.20\nLABEL org.opencontainers.image.source=\"\"\n"),
    WithConfig(Schema, Bad("FROM alpine:3.20\nLABEL org.example.commit=main\n")),
    WithConfig(Schema, Bad("FROM alpine:3.20\nLABEL org.example.version=v1\n")),
    WithConfig(Schema, Bad("FROM alpine:3.20\nLABEL org.example.contact=nobody\n")),
    Good("FROM alpine:3.20\nLABEL org.opencontainers.image.created=2024-05-01T10:00:00Z "
         "org.opencontainers.image.licenses=\"(MIT OR Apache-2.0) AND BSD-3-Clause\" "
         "org.opencontainers.image.source=https://github.com/org/app\n"),
    Good("FROM alpine:3.20\nARG BUILD_DATE\nLABEL org.opencontainers.image.created=$BUILD_DATE\n"),
    WithConfig(Schema, Good("FROM alpine:3.20\nLABEL org.example.commit=9f86d08 "
                            "org.example.version=1.2.3-rc.1 org.example.contact=a@b.io\n"))});

}  // namespace
}  // namespace shipshape
