// DF106 invalid-label-key
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF106.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF106", {
    Bad("FROM alpine:3.20\nLABEL Version=1.0\n", "FROM alpine:3.20\nLABEL version=1.0\n"),
    Bad("FROM alpine:3.20\nLABEL com.docker.thing=x\n"),
    Bad("FROM alpine:3.20\nLABEL my..key=x\n"),
    Bad("FROM alpine:3.20\nLABEL 2fa.enabled=x\n"),
    Good("FROM alpine:3.20\nLABEL org.example.label3=x\n"),
    Good("FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.0 maintainer=me\n"),
    Good("FROM alpine:3.20\nLABEL \"org.example.name\"=\"x\"\n")});

}  // namespace
}  // namespace shipshape
