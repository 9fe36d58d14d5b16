// DF084 pipe-without-pipefail
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF084.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF084", {
    Bad("FROM debian:12\nRUN curl -fsSL https://e.com/a.tgz | tar xz\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://e.com/a.tgz | tar xz\n"),
    Bad("FROM alpine:3.20\nRUN wget -qO- https://e.com/a.tgz | tar xz\nRUN cat x | grep y\n",
        "FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nRUN wget -qO- https://e.com/a.tgz | tar xz\nRUN cat x | grep y\n"),
    Bad("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN cat x | grep y\n",
        "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN cat x | grep y\n"),
    Bad("FROM myorg/base:1\nRUN cat x | grep y\n"),
    Bad("FROM debian:12\nRUN <<EOF\n#!/bin/bash\ncat x | grep y\nEOF\n"),
    Good("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN cat x | grep y\n"),
    Good("FROM debian:12\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN cat x | grep y\n"),
    Good("FROM debian:12\nRUN set -euxo pipefail; cat x | grep y\n"),
    Good("FROM debian:12\nRUN echo \"$SHA  file\" | sha256sum -c -\n"),
    Good("FROM debian:12\nRUN apt-get install -y curl\n"),
    Good("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n"),
    Good("FROM debian:12\nSHELL [\"powershell\", \"-Command\"]\nRUN Get-Item x | Remove-Item\n")});

}  // namespace
}  // namespace shipshape
