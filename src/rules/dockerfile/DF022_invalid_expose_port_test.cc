// DF022 invalid-expose-port
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF022.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF022", {
    Bad("FROM alpine:3.20\nEXPOSE 80800\n"), Bad("FROM alpine:3.20\nEXPOSE 9000-8000\n"),
    Bad("FROM alpine:3.20\nEXPOSE 80/http\n"), Bad("FROM alpine:3.20\nARG P=70000\nEXPOSE $P\n"),
    Good("FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp 8000-8010\n"),
    Good("FROM alpine:3.20\nARG PORT\nEXPOSE $PORT\n"), Good("FROM alpine:3.20\nEXPOSE 80/TCP\n")});

}  // namespace
}  // namespace shipshape
