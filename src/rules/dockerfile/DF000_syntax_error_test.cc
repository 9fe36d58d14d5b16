// DF000 dockerfile-syntax-error
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF000.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF000", {
    Bad("FROM alpine:3.20\nENV GREETING\n"), Bad(""), Bad("# only a comment\n"),
    Good("FROM alpine:3.20\nENV GREETING=hello\n")});

}  // namespace
}  // namespace shipshape
