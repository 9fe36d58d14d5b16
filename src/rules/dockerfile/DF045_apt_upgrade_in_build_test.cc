// DF045 apt-upgrade-in-build
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF045.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF045", {
    Bad("FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n"),
    Bad("FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n"),
    Good("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"),
    Good("FROM debian:12\nRUN echo apt-get upgrade\n")});

}  // namespace
}  // namespace shipshape
