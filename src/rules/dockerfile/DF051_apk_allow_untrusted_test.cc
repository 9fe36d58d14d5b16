// DF051 apk-allow-untrusted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF051.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF051", {
    Bad("FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk\n",
        "FROM alpine:3.20\nRUN apk add /tmp/x.apk\n"),
    Bad("FROM alpine:3.20\nRUN apk --allow-untrusted add x\n",
        "FROM alpine:3.20\nRUN apk add x\n"),
    Good("FROM alpine:3.20\nRUN apk add --no-cache x\n"),
    Good("FROM alpine:3.20\nRUN echo --allow-untrusted\n")});

}  // namespace
}  // namespace shipshape
