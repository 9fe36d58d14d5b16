// Container shares the host's UTS namespace.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.uts_mode != "host") return;
  runtime::ReportAt(ctx, c, "/HostConfig/UTSMode",
                    "the container shares the host's UTS namespace: with SYS_ADMIN it can change "
                    "the host's hostname",
                    {.run = "recreate it without `--uts host`", .compose = "remove `uts: host`"});
}

}  // namespace

extern constinit const Rule kRuntimeHostUtsNamespace{
    .code = "DR020",
    .name = "running-host-uts-namespace",
    .summary = "Container shares the host's UTS namespace",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.21"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.UTSMode` set to `host` (`docker run --uts host`, Compose
`uts: host`).

## Why is this bad
The container uses the host's hostname and domain name; with SYS_ADMIN it can change them for the
whole host, confusing logging, monitoring and clustering. CIS Docker Benchmark 5.21.

## Example
```json
"HostConfig": {
    "UTSMode": "host"
}
```

## Use instead
```json
"HostConfig": {
    "UTSMode": ""
}
```

## Fix safety
No automatic fix: the running container is not edited, and some system tools need the host's
namespace.

## References
- CIS Docker Benchmark v1.6.0, 5.21 (5.20 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/
)md",
};

}  // namespace shipshape
