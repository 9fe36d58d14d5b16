// DF049 apk-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF049.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF049", {
    Bad("FROM alpine:3.20\nRUN apk add --no-cache curl\n"),
    Bad("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make=4.4\n"),
    Good("FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 git~2.45\n"),
    Good("FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps /tmp/x.apk\n"),
    Good("FROM alpine:3.20\nRUN apk add --no-cache $DEPS\n")});

}  // namespace
}  // namespace shipshape
