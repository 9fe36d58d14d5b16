// DX042 entrypoint-missing-exec
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX042.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX042", {
    At("docker-entrypoint.sh", Bad("#!/bin/sh\nset -e\n\"$@\"\n", "#!/bin/sh\nset -e\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("#!/bin/sh\nset -e\ngunicorn --bind 0.0.0.0:8000 app:app\n",
                            "#!/bin/sh\nset -e\nexec gunicorn --bind 0.0.0.0:8000 app:app\n")),
    At("entrypoint.sh", Bad("#!/bin/sh\nset -e\nnode server.js &\necho started\n")),
    At("entrypoint.sh", Bad("#!/bin/sh\nexec >/var/log/start.log 2>&1\nnginx -g 'daemon off;'\n",
                            "#!/bin/sh\nexec >/var/log/start.log 2>&1\nexec nginx -g 'daemon off;'\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nset -e\nexec \"$@\"\n")),
    At("docker-entrypoint.sh",
       Good("#!/bin/sh\nif [ \"$1\" = web ]; then\n  exec gunicorn app:app\nfi\nexec \"$@\"\n")),
    At("docker-entrypoint.sh",
       Good("#!/bin/bash\ntrap 'kill -TERM $pid' TERM\nnode server.js &\npid=$!\nwait $pid\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nexec su-exec app \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/usr/bin/env python3\nimport os\n")),
    // Found on real scripts (neo4j, HiveMQ images; a Vault wrapper sourcing the
    // official entrypoint): exec through a variable, eval, and a sourced hand-over.
    At("docker-entrypoint.sh",
       Good("#!/bin/bash\nexec_cmd=\"exec gosu neo4j:neo4j\"\nreadonly exec_cmd\n"
            "if [ \"$1\" = neo4j ]; then\n  ${exec_cmd} neo4j console\nelse\n"
            "  ${exec_cmd} \"$@\"\nfi\n")),
    At("docker-entrypoint.sh",
       Good("#!/bin/bash\nexport RUN=\"exec java\"\nADDR=0.0.0.0 \"$RUN\" -jar app.jar\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\ncmd=\"$*\"\neval exec \"$cmd\"\n")),
    // Set by a sourced part (HiveMQ): the name is all there is to go on.
    At("docker-entrypoint.sh",
       Good("#!/bin/bash\nfor f in /docker-entrypoint.d/*; do . \"$f\"; done\n"
            "${exec_cmd} \"$@\"\n")),
    At("docker-entrypoint.sh",
       Good("#!/bin/sh\nset -e\nchmod 755 /vault/config\n"
            ". /usr/local/bin/docker-entrypoint.sh vault server\n")),
    // `exec main` cannot work: a function is reported without an automatic fix.
    At("entrypoint.sh", Bad("#!/bin/sh\nmain() {\n  gunicorn app:app\n}\nmain \"$@\"\n")),
    At("entrypoint.sh", Bad("#!/bin/sh\ncmd=\"gunicorn\"\n$cmd app:app\n",
                            "#!/bin/sh\ncmd=\"gunicorn\"\nexec $cmd app:app\n"))});

}  // namespace
}  // namespace shipshape
