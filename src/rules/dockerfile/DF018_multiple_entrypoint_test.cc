// DF018 multiple-entrypoint
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF018.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF018", {
    Bad("FROM alpine:3.20\nENTRYPOINT [\"/bin/sh\"]\nENTRYPOINT [\"/usr/bin/app\"]\n", "FROM alpine:3.20\nENTRYPOINT [\"/usr/bin/app\"]\n"),
    Bad("FROM alpine:3.20\n# old\nentrypoint [\"true\"]\nRUN true\nENTRYPOINT [\"/usr/bin/app\"]\n", "FROM alpine:3.20\n# old\nRUN true\nENTRYPOINT [\"/usr/bin/app\"]\n"),
    Good("FROM alpine:3.20\nENTRYPOINT [\"/usr/bin/app\"]\n"),
    Good("FROM alpine:3.20 AS a\nENTRYPOINT [\"/bin/sh\"]\nFROM a\nENTRYPOINT [\"/usr/bin/app\"]\n")});

}  // namespace
}  // namespace shipshape
