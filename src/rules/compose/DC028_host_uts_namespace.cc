// `uts: host` shares the host's UTS namespace.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::CheckHostMode(f, ctx, &compose::Service::uts, "uts",
                        "the container can change the host's hostname");
}

}  // namespace

extern constinit const Rule kHostUtsNamespace{
    .code = "DC028",
    .name = "host-uts-namespace",
    .summary = "`uts: host` shares the host's UTS namespace",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.21"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `uts: host`.

## Why is this bad
The container shares the host's hostname and domain name; with `SYS_ADMIN` it can change
them for the whole host. CIS Docker Benchmark 5.21 (5.20 before v1.6.0).

## Example
```yaml
services:
  app:
    image: myorg/app:1.0
    uts: host
```

## Use instead
```yaml
services:
  app:
    image: myorg/app:1.0
    hostname: web-1
```

## Fix safety
No automatic fix: a service configured this way usually depends on it (monitoring agents,
network tools); removing it is a design change to review.

## References
- https://docs.docker.com/reference/compose-file/services/#uts
- CIS Docker Benchmark v1.6.0, 5.21
)md",
};

}  // namespace shipshape
