// DF088 curl-without-fail
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF088.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF088", {
    Bad("FROM debian:12\nRUN curl -sSLo /tmp/a.tgz https://e.com/a.tgz\n",
        "FROM debian:12\nRUN curl -f -sSLo /tmp/a.tgz https://e.com/a.tgz\n"),
    Bad("FROM debian:12\nRUN curl https://e.com/i.sh | sh\n",
        "FROM debian:12\nRUN curl -f https://e.com/i.sh | sh\n"),
    Good("FROM debian:12\nRUN curl -fsSL https://e.com/a.tgz -o a.tgz\n"),
    Good("FROM debian:12\nRUN curl -sSLf https://e.com/a.tgz -o a.tgz\n"),
    Good("FROM debian:12\nRUN curl --fail https://e.com/a\n"),
    Good("FROM debian:12\nRUN curl -sI https://e.com/a\n"),
    Good("FROM debian:12\nRUN curl -s https://e.com/a || echo offline\n"),
    Good("FROM debian:12\nRUN if curl -s https://e.com/a; then echo ok; fi\n")});

}  // namespace
}  // namespace shipshape
