// DF103 invalid-onbuild-trigger
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF103.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF103", {
    Bad("FROM alpine:3.20\nONBUILD ONBUILD RUN true\n"), Bad("FROM alpine:3.20\nONBUILD FROM x\n"),
    Bad("FROM alpine:3.20\nonbuild maintainer me\n"),
    Good("FROM alpine:3.20\nONBUILD COPY . /src\n")});

}  // namespace
}  // namespace shipshape
