// DF094 chpasswd-in-run
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF094.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF094", {
    Bad("FROM debian:12\nRUN echo 'root:secret' | chpasswd\n"),
    Bad("FROM debian:12\nRUN chpasswd < /tmp/users\n"),
    Good("FROM debian:12\nRUN passwd -l root\n"),
    Good("FROM debian:12\nRUN echo chpasswd\n")});

}  // namespace
}  // namespace shipshape
