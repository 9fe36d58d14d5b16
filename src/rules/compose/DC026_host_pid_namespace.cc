// `pid: host` shares the host's process namespace.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::CheckHostMode(f, ctx, &compose::Service::pid, "pid",
                        "the container sees every host process and, as root, can signal or trace them");
}

}  // namespace

extern constinit const Rule kHostPidNamespace{
    .code = "DC026",
    .name = "host-pid-namespace",
    .summary = "`pid: host` shares the host's process namespace",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.16"}, {"kics", "Host Namespace is Shared"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `pid: host`.

## Why is this bad
The container sees all host processes, their command lines (often with secrets) and
environments; root in it can kill them, and with `SYS_PTRACE` inject code into them. CIS Docker
Benchmark 5.16 (5.15 before v1.6.0).

## Example
```yaml
services:
  app:
    image: myorg/app:1.0
    pid: host
```

## Use instead
```yaml
services:
  app:
    image: myorg/app:1.0
```

## Fix safety
No automatic fix: a service configured this way usually depends on it (monitoring agents,
network tools); removing it is a design change to review.

## References
- https://docs.docker.com/reference/compose-file/services/#pid
- CIS Docker Benchmark v1.6.0, 5.16
)md",
};

}  // namespace shipshape
