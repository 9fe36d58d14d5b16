// Container shares the host's PID namespace.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.pid_mode != "host") return;
  runtime::ReportAt(ctx, c, "/HostConfig/PidMode",
                    "the container shares the host's PID namespace: it sees every host process, "
                    "their command lines and environment, and can signal them",
                    {.run = "recreate it without `--pid host`", .compose = "remove `pid: host`"});
}

}  // namespace

extern constinit const Rule kRuntimeHostPidNamespace{
    .code = "DR018",
    .name = "running-host-pid-namespace",
    .summary = "Container shares the host's PID namespace",
    .target = Target::kRuntime,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.16"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.PidMode` set to `host` (`docker run --pid host`, Compose
`pid: host`).

## Why is this bad
Every host process becomes visible: command lines and environments (often with secrets) can be
read through /proc, and root in the container can signal or, with SYS_PTRACE, trace host
processes. CIS Docker Benchmark 5.16.

## Example
```json
"HostConfig": {
    "PidMode": "host"
}
```

## Use instead
```json
"HostConfig": {
    "PidMode": "private"
}
```

## Fix safety
No automatic fix: the running container is not edited, and some system tools need the host's
namespace.

## References
- CIS Docker Benchmark v1.6.0, 5.16 (5.15 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/
)md",
};

}  // namespace shipshape
