// DF016 multiple-healthchecks
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF016.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF016", {
    Bad("FROM alpine:3.20\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", "FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"),
    Bad("FROM alpine:3.20\n# old\nhealthcheck CMD true\nRUN true\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", "FROM alpine:3.20\n# old\nRUN true\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"),
    Good("FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"),
    Good("FROM alpine:3.20 AS a\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\nFROM a\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")});

}  // namespace
}  // namespace shipshape
