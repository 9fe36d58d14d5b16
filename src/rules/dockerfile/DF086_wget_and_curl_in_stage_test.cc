// DF086 wget-and-curl-in-stage
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF086.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF086", {
    Bad("FROM debian:12\nRUN wget -q https://e.com/a\nRUN curl -fsSLO https://e.com/b\n"),
    Bad("FROM debian:12\nRUN curl -fsSLO https://e.com/b && wget https://e.com/a\n"),
    Good("FROM debian:12\nRUN curl -fsSLO https://e.com/b\nFROM debian:12\nRUN wget -q https://e.com/a\n"),
    Good("FROM debian:12\nRUN apt-get install -y wget curl\n")});

}  // namespace
}  // namespace shipshape
