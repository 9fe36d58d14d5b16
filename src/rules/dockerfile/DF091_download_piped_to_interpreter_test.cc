// DF091 download-piped-to-interpreter
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF091.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF091", {
    Bad("FROM debian:12\nRUN curl -fsSL https://e.com/i.sh | sh\n"),
    Bad("FROM debian:12\nRUN wget -qO- https://e.com/i.sh | sudo bash -s -- -y\n"),
    Good("FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://e.com/i.sh && sh /tmp/i.sh\n"),
    Good("FROM debian:12\nRUN curl -fsSL https://e.com/a.tgz | tar xz\n")});

}  // namespace
}  // namespace shipshape
