// DX044 entrypoint-crlf-line-endings
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX044.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX044", {
    At("docker-entrypoint.sh", Bad("#!/bin/sh\r\nexec \"$@\"\r\n", "#!/bin/sh\nexec \"$@\"\n")),
    At("entrypoint.sh", Bad("#!/bin/sh\nset -e\r\nexec \"$@\"\n", "#!/bin/sh\nset -e\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nexec \"$@\"\n")),
    At("docker-entrypoint.sh", Good("#!/bin/sh\nprintf 'a\\rb'\n")),
    // Converted by the build (both seen in real repositories).
    At("docker-entrypoint.sh", Good("#!/bin/sh\r\nexec \"$@\"\r\n"),
       {{"Dockerfile", "FROM debian\nCOPY docker-entrypoint.sh /usr/local/bin/\n"
                       "RUN apt-get update && apt-get install -y dos2unix \\\n"
                       "    && dos2unix /usr/local/bin/docker-entrypoint.sh\n"
                       "ENTRYPOINT [\"docker-entrypoint.sh\"]\n"}}),
    At("app/entrypoint.sh", Good("#!/bin/sh\r\nexec \"$@\"\r\n"),
       {{"Dockerfile", "FROM alpine\nCOPY app/entrypoint.sh /entrypoint.sh\n"
                       "RUN chmod +x /entrypoint.sh && sed -i 's/\\r$//' /entrypoint.sh\n"
                       "ENTRYPOINT [\"/entrypoint.sh\"]\n"}}),
    // Converting some other file does not help.
    At("entrypoint.sh", Bad("#!/bin/sh\r\nexec \"$@\"\r\n", "#!/bin/sh\nexec \"$@\"\n"),
       {{"Dockerfile", "FROM alpine\nCOPY . /app\nRUN dos2unix /app/wait-for.sh\n"
                       "ENTRYPOINT [\"/app/entrypoint.sh\"]\n"}})});

}  // namespace
}  // namespace shipshape
