// `privileged: true`.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::Value& v = s.privileged;
    if (!v.present() || v.source != 0 || v.AsBool() != true) continue;
    once.Report(ctx, f, &s, v.range,
                "service `" + s.name + "` runs privileged: every capability, every host device, no "
                "seccomp or AppArmor confinement; root in it is root on the host");
  }
}

}  // namespace

extern constinit const Rule kPrivilegedContainer{
    .code = "DC020",
    .name = "privileged-container",
    .summary = "`privileged: true` gives the container full access to the host",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.5"}, {"kics", "Privileged Containers Enabled"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags services with `privileged: true`.

## Why is this bad
A privileged container gets all Linux capabilities, access to every host device, and runs
without the default seccomp and AppArmor profiles. Escaping it is trivial (mount the host disk,
load a kernel module), so a compromise of the application is a compromise of the host. CIS
Docker Benchmark 5.5 (5.4 in editions before v1.6.0) forbids it.

## Example
```yaml
services:
  agent:
    image: myorg/agent:2.1
    privileged: true
```

## Use instead
```yaml
services:
  agent:
    image: myorg/agent:2.1
    cap_add: [NET_ADMIN]        # only what the workload needs
    devices: ["/dev/net/tun"]
```

## Fix safety
No automatic fix: which capabilities and devices the workload really needs has to be found out
(run it with `cap_drop: [ALL]` and add them back one by one).

## References
- https://docs.docker.com/reference/compose-file/services/#privileged
- https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
- CIS Docker Benchmark v1.6.0, 5.5
)md",
};

}  // namespace shipshape
