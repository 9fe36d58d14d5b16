// DF004 untrusted-registry
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF004.snap.
#include "rules/cases.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Trust(Config& c) { c.trusted_registries = {"docker.io", "*.gcr.io"}; }

const RuleCases kCases("DF004", {
    WithConfig(Trust, Bad("FROM quay.io/org/app:1.0\n")),
    WithConfig(Trust, Bad("FROM alpine:3.20\nCOPY --from=ghcr.io/org/tool:1 /t /t\n")),
    WithConfig(Trust, Bad("ARG REG=registry.example.com\nFROM ${REG}/app:1\n")),
    WithConfig(Trust, Good("FROM alpine:3.20\n")),
    WithConfig(Trust, Good("FROM eu.gcr.io/proj/app:1\n")),
    WithConfig(Trust, Good("FROM docker.io/library/nginx:1.27 AS web\nFROM web\n"
                           "COPY --from=web /etc/nginx /etc/nginx\n")),
    Good("FROM quay.io/org/app:1.0\n")});

}  // namespace
}  // namespace shipshape
