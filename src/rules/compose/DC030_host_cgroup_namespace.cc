// `cgroup: host` shares the host's cgroup namespace.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::CheckHostMode(f, ctx, &compose::Service::cgroup, "cgroup",
                        "the container sees the host's whole cgroup hierarchy");
}

}  // namespace

extern constinit const Rule kHostCgroupNamespace{
    .code = "DC030",
    .name = "host-cgroup-namespace",
    .summary = "`cgroup: host` shares the host's cgroup namespace",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `cgroup: host`.

## Why is this bad
In the host cgroup namespace the container sees (and with write access can change) the
cgroup tree of the whole host, including other containers' limits; the private namespace is the
default on cgroup v2 for a reason.

## Example
```yaml
services:
  app:
    image: myorg/app:1.0
    cgroup: host
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
- https://docs.docker.com/reference/compose-file/services/#cgroup
)md",
};

}  // namespace shipshape
