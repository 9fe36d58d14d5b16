// DF151 heredoc-run-without-errexit
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF151.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF151", {
    Bad("FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n",
        "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n"),
    Bad("FROM alpine:3.20\nRUN <<EOT\n#!/bin/sh\nmkdir -p /app; cd /app\nEOT\n",
        "FROM alpine:3.20\nRUN <<EOT\n#!/bin/sh\nset -e\nmkdir -p /app; cd /app\nEOT\n"),
    Good("FROM debian:12\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nEOF\n"),
    Good("FROM debian:12\nRUN <<EOF\napt-get update && apt-get install -y curl\nEOF\n"),
    Good("FROM debian:12\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN <<EOF\napt-get update\n"
         "apt-get install -y curl\nEOF\n"),
    Good("FROM alpine:3.20\nRUN <<EOF\n#!/bin/sh -e\nmkdir /a\nmkdir /b\nEOF\n"),
    Good("FROM python:3.13\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nprint(os.getcwd())\nEOF\n"),
    Good("FROM alpine:3.20\nRUN <<EOF\nif [ -f /a ]; then\n  rm /a\nfi\nEOF\n")});

}  // namespace
}  // namespace shipshape
