// DF105 copy-whole-filesystem
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF105.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF105", {
    Bad("FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build / /\n"),
    Bad("FROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /. /opt/\n"),
    Good("FROM tonistiigi/xx:1.5 AS xx\nFROM alpine:3.20\nCOPY --from=xx / /\n"),
    Good("FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n"),
    Good("FROM scratch AS rootfs\nADD rootfs.tar /\nFROM alpine:3.20\nCOPY --from=rootfs / /\n"),
    Good("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n")});

}  // namespace
}  // namespace shipshape
