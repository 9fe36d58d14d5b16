// No memory limit.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.memory > 0) return;
  runtime::ReportAt(
      ctx, c, "/HostConfig/Memory",
      "no memory limit: one leaking container can exhaust the host's memory and wake the OOM "
      "killer on other processes",
      {.run = "apply one live with `docker update --memory 512m --memory-swap 512m " +
              (c.name.empty() ? std::string("<container>") : c.name) + "`",
       .compose = "set `mem_limit` (or `deploy.resources.limits.memory`)"});
}

}  // namespace

extern constinit const Rule kNoMemoryLimit{
    .code = "DR008",
    .name = "no-memory-limit",
    .summary = "Container has no memory limit",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.11"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.Memory` 0 (no limit).

## Why is this bad
Without a limit a memory leak or a burst grows until the host runs out, and the kernel's OOM
killer may pick another container, or the engine itself. A limit confines the damage to the
container that misbehaves. CIS Docker Benchmark 5.11.

## Example
```json
"HostConfig": {
    "Memory": 0
}
```

## Use instead
```json
"HostConfig": {
    "Memory": 536870912
}
```
Compose: `mem_limit: 512m` or `deploy.resources.limits.memory: 512M`;
`docker update --memory 512m --memory-swap 512m <name>` changes a running container.

## Fix safety
No automatic fix: the running container is not edited, and a limit below the real working set
gets the container OOM-killed.

## References
- CIS Docker Benchmark v1.6.0, 5.11 (5.10 in v1.5.0)
- https://docs.docker.com/engine/containers/resource_constraints/#memory
)md",
};

}  // namespace shipshape
