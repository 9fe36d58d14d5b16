// DF044 apt-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF044.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF044", {
    Bad("FROM debian:12\nRUN apt-get install -y curl git=1:2.39.2-1.1\n"),
    Bad("FROM debian:12\nRUN apt-get install -y a b c d e\n"),
    Good("FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n"),
    Good("FROM debian:12\nRUN apt-get install -y ./pkg.deb /tmp/x.deb\n"),
    Good("FROM debian:12\nRUN apt-get install -y -t bookworm-backports curl\n"),
    Good("FROM debian:12\nRUN apt-get install -y $PACKAGES\n")});

}  // namespace
}  // namespace shipshape
