// DF108 label-not-in-schema
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF108.snap.
#include "rules/cases.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Strict(Config& c) {
  c.label_schema = {{"org.opencontainers.image.source", "url"}};
  c.strict_labels = true;
}

const RuleCases kCases("DF108", {
    Bad("FROM alpine:3.20\nLABEL org.opencontainers.image.licence=MIT\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=MIT\n"),
    Bad("FROM alpine:3.20\nLABEL org.opencontainers.image.commit=abc\n"),
    WithConfig(Strict, Bad("FROM alpine:3.20\nLABEL team=core\n")),
    Good("FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=MIT team=core\n"),
    WithConfig(Strict, Good("FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://x.io\n"))});

}  // namespace
}  // namespace shipshape
