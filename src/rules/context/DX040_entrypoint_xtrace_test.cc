// DX040 entrypoint-xtrace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX040.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX040", {
    At("docker-entrypoint.sh", Bad("#!/bin/sh\nset -x\nexec \"$@\"\n", "#!/bin/sh\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("#!/bin/bash\nset -eux\nexec \"$@\"\n", "#!/bin/bash\nset -eu\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("#!/bin/bash\nset -euo pipefail -o xtrace\nexec \"$@\"\n",
                            "#!/bin/bash\nset -euo pipefail\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Bad("#!/bin/sh -ex\nexec \"$@\"\n", "#!/bin/sh -e\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Bad("#!/bin/sh\r\nset -x\r\nexec \"$@\"\r\n",
                                   "#!/bin/sh\r\nexec \"$@\"\r\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nset -e\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\n[ -n \"$DEBUG\" ] && set -x\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nif [ \"$TRACE\" = 1 ]; then\n  set -x\nfi\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nset +x\necho 'set -x'\n")),
    At("docker-entrypoint.sh", Good("#!/usr/bin/env python3 -x\nprint('hi')\n"))});

}  // namespace
}  // namespace shipshape
