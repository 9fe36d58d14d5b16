// DF127 checksum-line-single-space
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF127.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF127", {
    Bad("FROM alpine:3.20\nRUN echo \"${SHA} app.tgz\" | sha256sum -c -\n",
        "FROM alpine:3.20\nRUN echo \"${SHA}  app.tgz\" | sha256sum -c -\n"),
    Bad("FROM debian:12\nRUN echo 'abc123 /tmp/a.deb' | sha512sum --check\n",
        "FROM debian:12\nRUN echo 'abc123  /tmp/a.deb' | sha512sum --check\n"),
    Bad("FROM debian:12\nRUN echo $SHA a.tgz | sha256sum -c -\n"),
    Good("FROM debian:12\nRUN echo \"$SHA  a.tgz\" | sha256sum -c -\n"),
    Good("FROM debian:12\nRUN echo \"$SHA *a.tgz\" | sha256sum -c -\n"),
    Good("FROM debian:12\nRUN echo \"$SHA *\"'a.tgz' | sha256sum -c -\n"),
    Good("FROM debian:12\nRUN sha256sum -c SHA256SUMS\n"),
    Good("FROM debian:12\nRUN echo \"$SHA a.tgz\" | sha256sum\n")});

}  // namespace
}  // namespace shipshape
