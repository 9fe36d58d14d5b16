// DF047 apt-allow-unauthenticated
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF047.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF047", {
    Bad("FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n",
        "FROM debian:12\nRUN apt-get install -y curl\n"),
    Bad("FROM debian:12\nRUN apt-get update -o Acquire::AllowInsecureRepositories=true\n",
        "FROM debian:12\nRUN apt-get update\n"),
    Good("FROM debian:12\nRUN apt-get install -y curl\n"),
    Good("FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=false install -y x\n")});

}  // namespace
}  // namespace shipshape
