// DF087 wget-without-progress
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF087.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF087", {
    Bad("FROM debian:12\nRUN wget https://e.com/a.tgz\n",
        "FROM debian:12\nRUN wget --progress=dot:giga https://e.com/a.tgz\n"),
    Bad("FROM alpine:3.20\nRUN wget https://e.com/a.tgz\n", "FROM alpine:3.20\nRUN wget -q https://e.com/a.tgz\n"),
    Bad("FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget https://e.com/a.tgz\n"),
    Bad("FROM example.com/base:1\nRUN wget https://e.com/a.tgz\n"),
    Good("FROM debian:12\nRUN wget -q https://e.com/a.tgz\n"),
    Good("FROM debian:12\nRUN wget -qO- https://e.com/a.tgz | tar xz\n"),
    Good("FROM debian:12\nRUN wget -nv https://e.com/a.tgz\n"),
    Good("FROM debian:12\nRUN wget --progress=bar:force https://e.com/a.tgz\n")});

}  // namespace
}  // namespace shipshape
