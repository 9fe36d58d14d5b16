// DF031 copy-from-unknown-stage
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF031.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF031", {
    Bad("FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=bulider /app /app\n",
        "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n"),
    Bad("FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\n"),
    Bad("FROM alpine:3.20\nCOPY --from=2 /x /x\nFROM alpine:3.20\n"),
    Bad("FROM alpine:3.20\nCOPY --from=assetz /x /x\n"),
    Good("FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n"),
    Good("FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"),
    Good("FROM alpine:3.20\nCOPY --from=busybox /bin/busybox /busybox\n"),
    Good("FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=0 /x /x\n"),
    Good("ARG SRC=a\nFROM alpine:3.20 AS a\nFROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /x /x\n")});

}  // namespace
}  // namespace shipshape
