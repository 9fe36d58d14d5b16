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
    Good("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"),
    Bad("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nENV A=1\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y git \\\n && git --version\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nENV A=1\n"
        "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y git \\\n && git --version && rm -rf /var/lib/apt/lists/*\n"),
    Bad("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\nRUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"
        "RUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*\n"),
    Bad("FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \\\n && apt-get install -y nodejs\n",
        "FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \\\n && apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*\n"),
    Bad("FROM ubuntu:24.04\nRUN add-apt-repository -y ppa:git-core/ppa && apt-get install -y git\n",
        "FROM ubuntu:24.04\nRUN add-apt-repository -y ppa:git-core/ppa && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"),
    Good("FROM debian:12\nRUN curl -fsSL https://sh.rustup.rs | sh -s -- -y\n"),
    Good("FROM ubuntu:24.04\nRUN add-apt-repository -n -y ppa:git-core/ppa\n"),
    Bad("FROM debian:12\nRUN apt-get update && apt-get install -y sudo\nUSER app\nRUN sudo apt-get install -y git\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y sudo && rm -rf /var/lib/apt/lists/*\nUSER app\n"
        "RUN sudo apt-get update && sudo apt-get install -y git && sudo rm -rf /var/lib/apt/lists/*\n"),
    // The later install is piped: no fix rather than a wrong one.
    Bad("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git | tee /log\n")});

}  // namespace
}  // namespace shipshape
