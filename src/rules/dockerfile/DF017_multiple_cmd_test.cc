// DF017 multiple-cmd
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF017.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF017", {
    Bad("FROM alpine:3.20\nCMD [\"echo\", \"starting\"]\nCMD [\"/usr/bin/app\"]\n", "FROM alpine:3.20\nCMD [\"/usr/bin/app\"]\n"),
    Bad("FROM alpine:3.20\n# old\ncmd [\"true\"]\nRUN true\nCMD [\"/usr/bin/app\"]\n", "FROM alpine:3.20\n# old\nRUN true\nCMD [\"/usr/bin/app\"]\n"),
    Good("FROM alpine:3.20\nCMD [\"/usr/bin/app\"]\n"),
    Good("FROM alpine:3.20 AS a\nCMD [\"echo\", \"starting\"]\nFROM a\nCMD [\"/usr/bin/app\"]\n")});

}  // namespace
}  // namespace shipshape
