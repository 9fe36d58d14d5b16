// Container opts out of user-namespace remapping.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.userns_mode != "host") return;
  runtime::ReportAt(
      ctx, c, "/HostConfig/UsernsMode",
      "the container opts out of the engine's user-namespace remapping: root in it "
      "is root on the host",
      {.run = "recreate it without `--userns host`", .compose = "remove `userns_mode: host`"});
}

}  // namespace

extern constinit const Rule kRuntimeHostUserNamespace{
    .code = "DR021",
    .name = "running-host-user-namespace",
    .summary = "Container opts out of user-namespace remapping",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.31"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.UsernsMode` set to `host` (`docker run --userns host`, Compose
`userns_mode: host`).

## Why is this bad
On an engine with `userns-remap`, root in a container maps to an unprivileged host user; `host`
opts this container out, so its root is the host's root. CIS Docker Benchmark 5.31.

## Example
```json
"HostConfig": {
    "UsernsMode": "host"
}
```

## Use instead
```json
"HostConfig": {
    "UsernsMode": ""
}
```

## Fix safety
No automatic fix: the running container is not edited, and some system tools need the host's
namespace.

## References
- CIS Docker Benchmark v1.6.0, 5.31 (5.30 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/
)md",
};

}  // namespace shipshape
