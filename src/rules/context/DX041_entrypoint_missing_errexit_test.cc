// DX041 entrypoint-missing-errexit
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX041.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX041", {
    At("docker-entrypoint.sh", Bad("#!/bin/sh\nexec \"$@\"\n", "#!/bin/sh\nset -e\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("#!/bin/bash\nset -u\nexec \"$@\"\n",
                            "#!/bin/bash\nset -e\nset -u\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("#!/bin/sh\r\necho hi\r\n", "#!/bin/sh\r\nset -e\r\necho hi\r\n")),
    At("entrypoint.sh", Bad("#!/bin/sh", "#!/bin/sh\nset -e\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nset -e\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/bin/bash\nset -Eeuo pipefail\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh -e\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nset -o errexit\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/usr/bin/env python3\nimport os\n")),
    At("docker-entrypoint.sh", Good("#!/bin/bash\n_main() {\n  set -eo pipefail\n  exec \"$@\"\n}\n_main \"$@\"\n"))});

}  // namespace
}  // namespace shipshape
