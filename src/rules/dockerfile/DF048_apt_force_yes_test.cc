// DF048 apt-force-yes
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF048.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF048", {
    Bad("FROM debian:12\nRUN apt-get install --force-yes curl\n",
        "FROM debian:12\nRUN apt-get install -y curl\n"),
    Bad("FROM debian:12\nRUN apt-get install -y --force-yes curl\n",
        "FROM debian:12\nRUN apt-get install -y curl\n"),
    Good("FROM debian:12\nRUN apt-get install -y curl\n"),
    Good("FROM debian:12\nRUN echo --force-yes\n")});

}  // namespace
}  // namespace shipshape
