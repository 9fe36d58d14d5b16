// Container shares the host's IPC namespace.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.ipc_mode != "host") return;
  runtime::ReportAt(ctx, c, "/HostConfig/IpcMode",
                    "the container shares the host's IPC namespace: it can read and write host "
                    "shared memory and semaphores",
                    {.run = "recreate it without `--ipc host`", .compose = "remove `ipc: host`"});
}

}  // namespace

extern constinit const Rule kRuntimeHostIpcNamespace{
    .code = "DR019",
    .name = "running-host-ipc-namespace",
    .summary = "Container shares the host's IPC namespace",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.17"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.IpcMode` set to `host` (`docker run --ipc host`, Compose
`ipc: host`).

## Why is this bad
Shared memory segments, semaphores and message queues of host processes become readable and
writable from the container. CIS Docker Benchmark 5.17.

## Example
```json
"HostConfig": {
    "IpcMode": "host"
}
```

## Use instead
```json
"HostConfig": {
    "IpcMode": "private"
}
```

## Fix safety
No automatic fix: the running container is not edited, and some system tools need the host's
namespace.

## References
- CIS Docker Benchmark v1.6.0, 5.17 (5.16 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/
)md",
};

}  // namespace shipshape
