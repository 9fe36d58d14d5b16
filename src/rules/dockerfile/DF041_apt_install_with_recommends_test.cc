// DF041 apt-install-with-recommends
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF041.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF041", {
    Bad("FROM debian:12\nRUN apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n"),
    Bad("FROM debian:12\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get -y install curl \\\n && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get -y --no-install-recommends install curl \\\n && rm -rf /var/lib/apt/lists/*\n"),
    Bad("FROM debian:12\nRUN apt install -y curl\n"),
    Good("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n"),
    Good("FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n"),
    Good("FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/01norec\nRUN apt-get install -y curl\n"),
    Good("FROM debian:12\nRUN apt-get remove -y curl\n")});

}  // namespace
}  // namespace shipshape
