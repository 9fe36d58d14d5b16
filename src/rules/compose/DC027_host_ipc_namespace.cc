// `ipc: host` shares the host's IPC namespace.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::CheckHostMode(f, ctx, &compose::Service::ipc, "ipc",
                        "the container shares shared memory and semaphores with host processes");
}

}  // namespace

extern constinit const Rule kHostIpcNamespace{
    .code = "DC027",
    .name = "host-ipc-namespace",
    .summary = "`ipc: host` shares the host's IPC namespace",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.17"}, {"kics", "Shared Host IPC Namespace"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `ipc: host`.

## Why is this bad
Shared memory segments, semaphores and message queues of host processes become readable and
writable from the container. CIS Docker Benchmark 5.17 (5.16 before v1.6.0).

## Example
```yaml
services:
  app:
    image: myorg/app:1.0
    ipc: host
```

## Use instead
```yaml
services:
  app:
    image: myorg/app:1.0
    shm_size: "256m"
```

## Fix safety
No automatic fix: a service configured this way usually depends on it (monitoring agents,
network tools); removing it is a design change to review.

## References
- https://docs.docker.com/reference/compose-file/services/#ipc
- CIS Docker Benchmark v1.6.0, 5.17
)md",
};

}  // namespace shipshape
