// DF024 expose-host-mapping
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF024.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF024", {
    Bad("FROM alpine:3.20\nEXPOSE 127.0.0.1:8080:80\n", "FROM alpine:3.20\nEXPOSE 80\n"),
    Bad("FROM alpine:3.20\nEXPOSE 8080:80/udp 443\n", "FROM alpine:3.20\nEXPOSE 80/udp 443\n"),
    Bad("FROM alpine:3.20\nARG P=8080:80\nEXPOSE $P\n"),
    Good("FROM alpine:3.20\nEXPOSE 80/tcp\n"), Good("FROM alpine:3.20\nEXPOSE 8000-8010\n")});

}  // namespace
}  // namespace shipshape
