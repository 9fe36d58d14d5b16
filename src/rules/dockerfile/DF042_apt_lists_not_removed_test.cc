// DF042 apt-lists-not-removed
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF042.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF042", {
    Bad("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"),
    Bad("FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl \\\n  && apt-get clean\n",
        "FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl \\\n  && apt-get clean && rm -rf /var/lib/apt/lists/*\n"),
    Bad("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM build\n"),
    Bad("FROM debian:12\nRUN --mount=type=cache,target=/root/.cache apt-get update && ./deps.sh\n"),
    Good("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"),
    Good("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n"),
    Good("FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n"),
    Good("FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt apt-get update && apt-get install -y curl\n"),
    Bad("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n"),
    Good("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.20\nCOPY --from=build /x /x\n"),
    Good("FROM debian:12 AS unused\nRUN apt-get update\nFROM alpine:3.20\n"),
    Good("FROM debian:12\nRUN apt-get install -y ./x.deb\n"),
    Good("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")});

}  // namespace
}  // namespace shipshape
