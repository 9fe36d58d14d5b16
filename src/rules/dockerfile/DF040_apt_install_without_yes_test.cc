// DF040 apt-install-without-yes
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF040.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF040", {
    Bad("FROM debian:12\nRUN apt-get update && apt-get install curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"),
    Bad("FROM debian:12\nRUN sudo apt-get install --no-install-recommends \\\n    curl\n",
        "FROM debian:12\nRUN sudo apt-get install -y --no-install-recommends \\\n    curl\n"),
    Bad("FROM debian:12\nRUN sh -c 'apt-get install -q curl'\n",
        "FROM debian:12\nRUN sh -c 'apt-get install -y -q curl'\n"),
    Bad("FROM debian:12\nRUN <<EOF\nset -e\napt-get install curl\nEOF\n",
        "FROM debian:12\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n"),
    Bad("FROM debian:12\nONBUILD RUN apt install curl\n",
        "FROM debian:12\nONBUILD RUN apt install -y curl\n"),
    Bad("FROM debian:12\nRUN [\"apt-get\", \"install\", \"curl\"]\n"),
    Bad("FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive apt-get install curl\n",
        "FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive apt-get install -y curl\n"),
    // After `--` a `-y` is a package name, not the option.
    Bad("FROM debian:12\nRUN apt-get install -- -y\n", "FROM debian:12\nRUN apt-get install -y -- -y\n"),
    Bad("FROM debian:12 AS unused\nRUN apt-get install -q curl\nFROM scratch\n"),
    Good("FROM debian:12\nRUN apt-get install -yq curl\n"),
    Good("FROM debian:12\nRUN apt-get -y install curl\n"),
    Good("FROM debian:12\nRUN apt-get install --assume-yes curl\n"),
    Good("FROM debian:12\nRUN apt-get -qq install curl\n"),
    Good("FROM debian:12\nRUN apt-get install -o APT::Get::Assume-Yes=true curl\n"),
    Good("FROM debian:12\nRUN yes | apt-get install curl\n"),
    Good("FROM debian:12\nRUN apt-get update\n"),
    Good("FROM debian:12\nRUN echo apt-get install curl\n"),
    Good("FROM debian:12\nRUN cat <<EOF > /x.sh\napt-get install curl\nEOF\n"),
    Good("FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint('apt-get install x')\nEOF\n"),
    Good("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install curl\n"),
    Good("FROM debian:12\nSHELL [\"pwsh\", \"-Command\"]\nRUN apt-get install curl\n")});

}  // namespace
}  // namespace shipshape
