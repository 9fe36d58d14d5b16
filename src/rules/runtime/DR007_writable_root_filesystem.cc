// The container's root filesystem is writable.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.readonly_rootfs) return;
  runtime::ReportAt(ctx, c, "/HostConfig/ReadonlyRootfs",
                    "the root filesystem is writable: an intruder can change binaries and "
                    "configuration inside the container",
                    {.run = "recreate it with `--read-only` (and `--tmpfs /tmp` for scratch space)",
                     .compose = "set `read_only: true` (with `tmpfs: [/tmp]` for scratch space)"});
}

}  // namespace

extern constinit const Rule kWritableRootFilesystem{
    .code = "DR007",
    .name = "writable-root-filesystem",
    .summary = "Container root filesystem is writable",
    .target = Target::kRuntime,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.13"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.ReadonlyRootfs` false.

## Why is this bad
A writable root filesystem lets an attacker (or a bug) replace binaries, drop tools and persist
changes for the container's lifetime, and hides state that should live in volumes. With a
read-only root, writes go only to declared volumes and tmpfs mounts. CIS Docker Benchmark 5.13.

## Example
```json
"HostConfig": {
    "ReadonlyRootfs": false
}
```

## Use instead
```json
"HostConfig": {
    "ReadonlyRootfs": true,
    "Tmpfs": {"/tmp": ""}
}
```
Compose: `read_only: true` plus `tmpfs: [/tmp]` where the program needs scratch space.

## Fix safety
No automatic fix: the running container is not edited, and programs that write outside volumes
fail on a read-only root.

## References
- CIS Docker Benchmark v1.6.0, 5.13 (5.12 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/#read-only
)md",
};

}  // namespace shipshape
