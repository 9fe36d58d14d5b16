// DF043 apt-in-script
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF043.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF043", {
    Bad("FROM debian:12\nRUN apt update && apt install -y curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"),
    Bad("FROM debian:12\nRUN sudo /usr/bin/apt -y upgrade\n",
        "FROM debian:12\nRUN sudo /usr/bin/apt-get -y upgrade\n"),
    Bad("FROM debian:12\nRUN apt list --installed\n"),
    Good("FROM debian:12\nRUN apt-get install -y curl\n"),
    Good("FROM debian:12\nRUN apt-cache policy curl && echo apt\n"),
    Good("FROM debian:12\nRUN apt-key add /tmp/key\n")});

}  // namespace
}  // namespace shipshape
