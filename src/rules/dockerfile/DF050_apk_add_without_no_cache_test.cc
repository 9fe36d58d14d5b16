// DF050 apk-add-without-no-cache
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF050.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF050", {
    Bad("FROM alpine:3.20\nRUN apk add --update curl\n",
        "FROM alpine:3.20\nRUN apk add --no-cache --update curl\n"),
    Bad("FROM alpine:3.20\nRUN apk update && apk add curl && echo done\n",
        "FROM alpine:3.20\nRUN apk update && apk add --no-cache curl && echo done\n"),
    Good("FROM alpine:3.20\nRUN apk add --no-cache curl\n"),
    Good("FROM alpine:3.20\nRUN apk --no-cache add curl\n"),
    Good("FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps $deps\n"),
    Good("FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n"),
    Good("FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n"),
    Good("FROM alpine:3.20 AS b\nRUN apk add gcc\nFROM scratch\nCOPY --from=b /x /x\n")});

}  // namespace
}  // namespace shipshape
