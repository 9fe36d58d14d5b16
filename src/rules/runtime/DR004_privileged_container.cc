// A privileged container.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (!c.privileged) return;
  runtime::ReportAt(ctx, c, "/HostConfig/Privileged",
                    "the container runs privileged: every capability, every host device, no "
                    "seccomp or AppArmor confinement; root in it is root on the host",
                    {.run = "recreate it without `--privileged`, adding only the capabilities it "
                            "needs with `--cap-add`",
                     .compose = "remove `privileged: true` (add only the needed `cap_add`)"});
}

}  // namespace

extern constinit const Rule kRuntimePrivilegedContainer{
    .code = "DR004",
    .name = "running-privileged-container",
    .summary = "Container runs privileged",
    .target = Target::kRuntime,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.5"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.Privileged` true (`docker run --privileged`, Compose
`privileged: true`).

## Why is this bad
A privileged container gets all capabilities, access to every host device, and runs without the
default seccomp and AppArmor profiles. Escaping to the host is then a matter of mounting its disk.
CIS Docker Benchmark 5.5.

## Example
```json
"HostConfig": {
    "Privileged": true
}
```

## Use instead
```json
"HostConfig": {
    "Privileged": false,
    "CapAdd": ["NET_ADMIN"]
}
```
Grant the one capability (or device, with `--device`) the workload needs.

## Fix safety
No automatic fix: the running container is not edited, and the workload may need some of what
`--privileged` gave it.

## References
- CIS Docker Benchmark v1.6.0, 5.5 (5.4 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/#privileged
)md",
};

}  // namespace shipshape
