// DX043 entrypoint-missing-shebang
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX043.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX043", {
    At("docker-entrypoint.sh", Bad("set -e\nexec \"$@\"\n", "#!/bin/sh\nset -e\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("set -euo pipefail\nexec \"$@\"\n",
                            "#!/bin/bash\nset -euo pipefail\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("\xEF\xBB\xBF#!/bin/sh\nexec \"$@\"\n", "#!/bin/sh\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("# start\r\nexec \"$@\"\r\n", "#!/bin/sh\r\n# start\r\nexec \"$@\"\r\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/usr/bin/env bash\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("\n")),
    // Started through a shell by the Dockerfile (seen in real repositories).
    At("docker/entrypoint.sh", Good("set -e\nexec \"$@\"\n"),
       {{"Dockerfile", "FROM alpine\nCOPY docker/entrypoint.sh /entrypoint.sh\n"
                       "ENTRYPOINT [\"sh\", \"/entrypoint.sh\"]\n"}}),
    At("entrypoint.sh", Good("exec \"$@\"\n"),
       {{"Dockerfile", "FROM alpine\nCOPY entrypoint.sh /\nCMD /entrypoint.sh\n"}}),
    // Executed directly by tini: the kernel needs the shebang.
    At("entrypoint.sh", Bad("exec \"$@\"\n", "#!/bin/sh\nexec \"$@\"\n"),
       {{"Dockerfile", "FROM alpine\nCOPY entrypoint.sh /\n"
                       "ENTRYPOINT [\"/sbin/tini\", \"--\", \"/entrypoint.sh\"]\n"}}),
    // A sibling service's Dockerfile says nothing about this script.
    At("api/entrypoint.sh", Bad("exec \"$@\"\n", "#!/bin/sh\nexec \"$@\"\n"),
       {{"web/Dockerfile", "FROM alpine\nCOPY entrypoint.sh /\n"
                           "ENTRYPOINT [\"sh\", \"/entrypoint.sh\"]\n"}})});

}  // namespace
}  // namespace shipshape
