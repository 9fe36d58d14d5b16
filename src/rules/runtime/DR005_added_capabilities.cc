// Capabilities added beyond Docker's default set.
#include "knowledge/capabilities.h"
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

std::string Why(std::string_view cap) {
  const knowledge::DangerousCapability* d = knowledge::FindDangerousCapability(cap);
  return d ? " (" + std::string(d->why) + ")" : std::string();
}

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (size_t i = 0; i < c.cap_add.size(); ++i) {
    const std::string cap = knowledge::NormalizeCapability(c.cap_add[i]);
    if (cap.empty() || knowledge::IsDefaultCapability(cap)) continue;
    runtime::ReportAt(
        ctx, c, "/HostConfig/CapAdd/" + std::to_string(i),
        "capability " + runtime::Quote(cap) + " added beyond Docker's default set" +
            Why(cap),
        {.run = "recreate it without `--cap-add " + cap + "` if the workload can do without",
         .compose = "remove " + runtime::Quote(cap) + " from `cap_add`"});
  }
}

}  // namespace

extern constinit const Rule kAddedCapabilities{
    .code = "DR005",
    .name = "added-capabilities",
    .summary = "Capabilities added beyond Docker's default set",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.4"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags each entry of `HostConfig.CapAdd` that is `ALL` or not in Docker's default capability set
(AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, NET_RAW,
SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). The `CAP_` prefix and letter case are ignored.

## Why is this bad
Each added capability widens what root in the container may do to the host kernel; some
(`SYS_ADMIN`, `SYS_MODULE`, `DAC_READ_SEARCH`, `SYS_PTRACE`) are known escape routes. CIS Docker
Benchmark 5.4 asks to restrict capabilities.

Adding back a default capability is not flagged: it is the recommended pattern after dropping
everything (`cap_drop: [ALL]` then `cap_add: [NET_BIND_SERVICE]`) and never exceeds a default
container.

## Example
```json
"HostConfig": {
    "CapAdd": ["SYS_ADMIN"]
}
```

## Use instead
```json
"HostConfig": {
    "CapAdd": ["NET_BIND_SERVICE"],
    "CapDrop": ["ALL"]
}
```

## Fix safety
No automatic fix: the running container is not edited, and the workload may need the capability.

## References
- CIS Docker Benchmark v1.6.0, 5.4 (5.3 in v1.5.0)
- https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
- man 7 capabilities
)md",
};

}  // namespace shipshape
