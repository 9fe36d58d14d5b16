// DF096 archive-not-removed
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF096.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF096", {
    Bad("FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://e.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt\n",
        "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://e.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt && rm /tmp/a.tgz\n"),
    Bad("FROM debian:12\nRUN wget -q https://e.com/a.zip && unzip a.zip -d /opt\n",
        "FROM debian:12\nRUN wget -q https://e.com/a.zip && unzip a.zip -d /opt && rm a.zip\n"),
    Bad("FROM debian:12\nRUN d=$(mktemp -d) && git clone https://e.com/r \"$d\" && make -C \"$d\"\n",
        "FROM debian:12\nRUN d=$(mktemp -d) && git clone https://e.com/r \"$d\" && make -C \"$d\" && rm -rf \"$d\"\n"),
    Bad("FROM debian:12\nRUN export GNUPGHOME=\"$(mktemp -d)\"; \\\n    gpg --batch --recv-keys ABCD; \\\n    gpg --batch --verify a.asc a\n",
        "FROM debian:12\nRUN export GNUPGHOME=\"$(mktemp -d)\"; \\\n    gpg --batch --recv-keys ABCD; \\\n    gpg --batch --verify a.asc a && rm -rf \"$GNUPGHOME\"\n"),
    Good("FROM debian:12\nRUN export GNUPGHOME=\"$(mktemp -d)\"; gpg --batch --recv-keys ABCD; rm -rf \"$GNUPGHOME\"\n"),
    Good("FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://e.com/a.tgz && tar xzf /tmp/a.tgz && rm /tmp/a.tgz\n"),
    Good("FROM debian:12\nRUN curl -fsSL https://e.com/a.tgz | tar -xz -C /opt\n"),
    Good("FROM debian:12\nRUN wget -q https://e.com/a.tgz && tar xf a.tgz && rm -f *.tgz\n"),
    Good("FROM debian:12\nCOPY a.tgz /tmp/\nRUN tar xzf /tmp/a.tgz\n"),
    Good("FROM debian:12\nWORKDIR /tmp\nRUN wget -q https://e.com/a.tgz && tar xf a.tgz && rm -rf /tmp/*\n"),
    Good("FROM debian:12\nWORKDIR /opt\nWORKDIR src\nRUN wget -q https://e.com/a.tgz && tar xf a.tgz && rm -rf /opt/src\n"),
    // Unknown directory and a broad removal: reported, but `rm a.tgz` could fail.
    Bad("FROM debian:12\nRUN wget -q https://e.com/a.tgz && tar xf a.tgz && rm -rf /var/tmp/*\n"),
    Good("FROM debian:12\nRUN d=$(mktemp -d) && cd \"$d\" && make && rm -rf \"$d\"\n")});

}  // namespace
}  // namespace shipshape
