// DF102 instruction-before-from
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF102.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF102", {
    Bad("LABEL a=b\nFROM alpine:3.20\n"), Bad("ARG X=1\nENV Y=2\nFROM alpine:3.20\n"),
    Good("# syntax=docker/dockerfile:1\nARG V=3.20\nFROM alpine:$V\n")});

}  // namespace
}  // namespace shipshape
