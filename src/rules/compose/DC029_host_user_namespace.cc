// `userns_mode: host` disables user-namespace remapping.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::CheckHostMode(f, ctx, &compose::Service::userns_mode, "userns_mode",
                        "it opts out of the daemon's user-namespace remapping, so root in the container is root on the host");
}

}  // namespace

extern constinit const Rule kHostUserNamespace{
    .code = "DC029",
    .name = "host-user-namespace",
    .summary = "`userns_mode: host` disables user-namespace remapping",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.31"}, {"kics", "Shared Host User Namespace"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `userns_mode: host`.

## Why is this bad
When the daemon remaps users (`userns-remap`), root in a container is an unprivileged UID on
the host; `userns_mode: host` opts this service out, so its root is the host's root again. CIS
Docker Benchmark 5.31 (5.30 before v1.6.0).

## Example
```yaml
services:
  app:
    image: myorg/app:1.0
    userns_mode: host
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
- https://docs.docker.com/engine/security/userns-remap/
- CIS Docker Benchmark v1.6.0, 5.31
)md",
};

}  // namespace shipshape
