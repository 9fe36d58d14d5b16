// DF090 plain-http-download
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF090.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF090", {
    Bad("FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz http://github.com/o/r/releases/download/v1/a.tgz\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://github.com/o/r/releases/download/v1/a.tgz\n"),
    Bad("FROM debian:12\nRUN wget -q \"http://ftp.gnu.org/gnu/make/make-4.4.tar.gz\"\n",
        "FROM debian:12\nRUN wget -q \"https://ftp.gnu.org/gnu/make/make-4.4.tar.gz\"\n"),
    // Not known to serve HTTPS: reported, no rewrite.
    Bad("FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz http://example.com/a.tgz\n"),
    Good("FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\n"),
    Good("FROM debian:12\nRUN curl -f http://localhost:8080/health\n"),
    Good("FROM debian:12\nRUN curl -f http://backend:8080/x\n"),
    Good("FROM debian:12\nRUN curl -fo a.tgz http://e.com/a.tgz && echo \"$SHA  a.tgz\" | sha256sum -c -\n")});

}  // namespace
}  // namespace shipshape
