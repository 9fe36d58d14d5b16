// DF126 gpg-signature-not-removed
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF126.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF126", {
    Bad("FROM debian:12\nRUN gpg --batch --verify /tmp/a.tgz.asc /tmp/a.tgz && tar -xzf /tmp/a.tgz -C /opt\n",
        "FROM debian:12\nRUN gpg --batch --verify /tmp/a.tgz.asc /tmp/a.tgz && tar -xzf /tmp/a.tgz -C /opt && rm -f /tmp/a.tgz.asc\n"),
    Bad("FROM debian:12\nRUN gpgv --keyring k.gpg a.sig a.bin\n",
        "FROM debian:12\nRUN gpgv --keyring k.gpg a.sig a.bin && rm -f a.sig\n"),
    Good("FROM debian:12\nRUN gpg --batch --verify a.tgz.asc a.tgz && rm a.tgz a.tgz.asc\n"),
    Good("FROM debian:12\nRUN gpg --batch --verify /tmp/a.asc /tmp/a && rm -rf /tmp/*\n"),
    Good("FROM debian:12\nRUN gpg --batch --verify a.tgz.asc a.tgz; rm -f *.asc\n"),
    Good("FROM debian:12\nRUN gpg --batch --verify \"$d/a.asc\" a && rm -rf \"$d\"\n"),
    Good("FROM debian:12 AS b\nRUN gpg --batch --verify a.asc a\nFROM debian:12\nCOPY --from=b a /a\n")});

}  // namespace
}  // namespace shipshape
