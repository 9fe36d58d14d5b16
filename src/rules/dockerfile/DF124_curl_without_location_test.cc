// DF124 curl-without-location
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF124.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF124", {
    Bad("FROM debian:12\nRUN curl -fsSo /tmp/a.tgz https://e.com/a.tgz\n",
        "FROM debian:12\nRUN curl -L -fsSo /tmp/a.tgz https://e.com/a.tgz\n"),
    Bad("FROM debian:12\nRUN curl -fs \"$URL\" -o a.tgz\n",
        "FROM debian:12\nRUN curl -L -fs \"$URL\" -o a.tgz\n"),
    Good("FROM debian:12\nRUN curl -fsSL https://e.com/a.tgz -o a.tgz\n"),
    Good("FROM debian:12\nRUN curl -fsS --location https://e.com/a.tgz -o a.tgz\n"),
    Good("FROM debian:12\nRUN curl -sI https://e.com/a\n"),
    Good("FROM debian:12\nRUN curl -X POST -d x=1 https://e.com/api\n"),
    Good("FROM debian:12\nRUN curl -f http://localhost:8080/health\n"),
    Good("FROM debian:12\nRUN curl --version\n")});

}  // namespace
}  // namespace shipshape
