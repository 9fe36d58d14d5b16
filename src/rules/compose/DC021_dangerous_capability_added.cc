// `cap_add` with capabilities that amount to host access.
#include "knowledge/capabilities.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Value& v : s.cap_add) {
      if (!v.present() || v.source != 0 || !v.known) continue;
      const std::string cap = knowledge::NormalizeCapability(v.text);
      const knowledge::DangerousCapability* danger = knowledge::FindDangerousCapability(cap);
      if (!danger) continue;
      once.Report(ctx, f, &s, v.range,
                  "service `" + s.name + "` adds capability `" + cap + "` (" + std::string(danger->why) + ")");
    }
  }
}

}  // namespace

extern constinit const Rule kDangerousCapabilityAdded{
    .code = "DC021",
    .name = "dangerous-capability-added",
    .summary = "`cap_add` grants a capability that amounts to host access",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.4"}, {"kics", "Container Capabilities Unrestricted"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `cap_add` entries (with or without the `CAP_` prefix, any case) from a list of high-risk
capabilities: `ALL`, `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `SYS_RAWIO`, `SYS_BOOT`, `SYS_TIME`,
`DAC_READ_SEARCH`, `NET_ADMIN`, `BPF`, `PERFMON`, `MAC_ADMIN`, `MAC_OVERRIDE`, `LINUX_IMMUTABLE`,
`SYSLOG`, `AUDIT_CONTROL`, `CHECKPOINT_RESTORE`. Capabilities in Docker's default set and
harmless extras (`NET_BIND_SERVICE`, `IPC_LOCK`...) are not reported.

## Why is this bad
Each of these breaks an isolation boundary: `SYS_ADMIN` alone allows mounting filesystems and
most published container escapes, `SYS_PTRACE` lets the container attach to other processes,
`NET_ADMIN` rewrites the network. CIS Docker Benchmark 5.4 asks for the minimum set.

## Example
```yaml
services:
  web:
    image: myorg/web:1.0
    cap_add: [ALL]
```

## Use instead
```yaml
services:
  web:
    image: myorg/web:1.0
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]   # only what it needs: binding port 80
```

## Fix safety
No automatic fix: removing a capability the workload uses breaks it.

## References
- https://man7.org/linux/man-pages/man7/capabilities.7.html
- https://docs.docker.com/reference/compose-file/services/#cap_add
- CIS Docker Benchmark v1.6.0, 5.4
)md",
};

}  // namespace shipshape
