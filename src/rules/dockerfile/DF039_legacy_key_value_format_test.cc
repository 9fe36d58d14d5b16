// DF039 legacy-key-value-format
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF039.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF039", {
    Bad("FROM alpine:3.20\nENV PATH /opt/bin:$PATH\n", "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n"),
    Bad("FROM alpine:3.20\nENV GREETING hello   world\n",
        "FROM alpine:3.20\nENV GREETING=\"hello   world\"\n"),
    Bad("FROM alpine:3.20\nLABEL maintainer \"Jane <j@x>\"\n",
        "FROM alpine:3.20\nLABEL maintainer=\"Jane <j@x>\"\n"),
    Bad("FROM alpine:3.20\nENV A \\\n  b\n", "FROM alpine:3.20\nENV A=b\n"),
    Bad("FROM alpine:3.20\nENV MSG it's here\n"),
    Good("FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n"),
    Good("FROM alpine:3.20\nLABEL a=b c=\"d e\"\n")});

}  // namespace
}  // namespace shipshape
