// DF046 package-index-update-alone
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF046.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF046", {
    Bad("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"),
    Bad("FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n",
        "FROM alpine:3.20\nRUN apk update && apk add curl\n"),
    Bad("FROM debian:12\nRUN apt-get update -qq\nRUN apt-get install -y a; echo done\n"),
    Bad("FROM debian:12\nRUN apt-get update && echo ok\nCOPY . /x\n"),
    Good("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"),
    Good("FROM alpine:3.20\nRUN apk update && apk add curl\n"),
    Good("FROM debian:12\nRUN apt-get update && ./install-deps.sh\n"),
    Good("FROM fedora:40\nRUN dnf update -y\n")});

}  // namespace
}  // namespace shipshape
