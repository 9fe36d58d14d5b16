// No CPU limit or weight.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.nano_cpus > 0 || c.cpu_quota > 0 || c.cpu_shares > 0) return;
  runtime::ReportAt(ctx, c, "/HostConfig/NanoCpus",
                    "no CPU limit or weight: a busy container can starve the others and the host",
                    {.run = "apply one live with `docker update --cpus 1 " +
                            (c.name.empty() ? std::string("<container>") : c.name) + "`",
                     .compose = "set `cpus` (or `deploy.resources.limits.cpus`)"});
}

}  // namespace

extern constinit const Rule kNoCpuLimit{
    .code = "DR009",
    .name = "no-cpu-limit",
    .summary = "Container has no CPU limit or CPU weight",
    .target = Target::kRuntime,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.12"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with no CPU cap (`HostConfig.NanoCpus` and `CpuQuota` 0) and no CPU weight
(`CpuShares` 0).

## Why is this bad
An unbounded container can take every core, starving its neighbours and the engine. CIS Docker
Benchmark 5.12 asks for CPU priority to be set; as the benchmark does, a `CpuShares` weight is
accepted, though only a cap (`--cpus`) bounds usage when the host is otherwise idle.

## Example
```json
"HostConfig": {
    "NanoCpus": 0,
    "CpuQuota": 0,
    "CpuShares": 0
}
```

## Use instead
```json
"HostConfig": {
    "NanoCpus": 1000000000
}
```
Compose: `cpus: "1.0"` or `deploy.resources.limits.cpus: "1.0"`; `docker update --cpus 1 <name>`
changes a running container.

## Fix safety
No automatic fix: the running container is not edited, and a cap throttles CPU-bound work.

## References
- CIS Docker Benchmark v1.6.0, 5.12 (5.11 in v1.5.0)
- https://docs.docker.com/engine/containers/resource_constraints/#cpu
)md",
};

}  // namespace shipshape
