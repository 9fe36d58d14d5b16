// DF089 tls-verification-disabled
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF089.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF089", {
    Bad("FROM debian:12\nRUN curl -kfsSL https://e.com/a -o a\n",
        "FROM debian:12\nRUN curl -fsSL https://e.com/a -o a\n"),
    Bad("FROM debian:12\nRUN curl --insecure -fsSL https://e.com/a -o a\n",
        "FROM debian:12\nRUN curl -fsSL https://e.com/a -o a\n"),
    Bad("FROM debian:12\nRUN wget --no-check-certificate -q https://e.com/a\n",
        "FROM debian:12\nRUN wget -q https://e.com/a\n"),
    Bad("FROM debian:12\nRUN git config --global http.sslVerify false\n"),
    Bad("FROM debian:12\nENV GIT_SSL_NO_VERIFY=1\n"),
    Good("FROM debian:12\nRUN curl -fsSL https://e.com/a -o a\n"),
    Good("FROM debian:12\nRUN curl -fsSL -o k https://e.com/a\n"),
    Good("FROM debian:12\nRUN git -c http.sslVerify=true clone https://e.com/r\n")});

}  // namespace
}  // namespace shipshape
