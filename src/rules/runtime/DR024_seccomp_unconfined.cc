// The default seccomp profile is disabled.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (size_t i = 0; i < c.security_opt.size(); ++i) {
    const std::string& opt = c.security_opt[i];
    if (opt != "seccomp=unconfined" && opt != "seccomp:unconfined") continue;
    runtime::ReportAt(ctx, c, "/HostConfig/SecurityOpt/" + std::to_string(i),
                      "the default seccomp profile is disabled (" + runtime::Quote(opt) +
                          "): every system call is allowed, including those behind known "
                          "container escapes",
                      {.run = "recreate it without `--security-opt seccomp=unconfined` (or with a "
                              "custom profile that allows just what is missing)",
                       .compose = "remove `seccomp:unconfined` from `security_opt` (or give a "
                                  "custom profile)"});
  }
}

}  // namespace

extern constinit const Rule kSeccompUnconfined{
    .code = "DR024",
    .name = "seccomp-unconfined",
    .summary = "Default seccomp profile disabled",
    .target = Target::kRuntime,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.22"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags `seccomp=unconfined` (or `seccomp:unconfined`) in `HostConfig.SecurityOpt`.

## Why is this bad
Docker's default seccomp profile blocks some 50 system calls that containers do not need and
that kernel exploits and escapes use (`keyctl`, `unshare`, `mount`, `bpf`, ...). Turning it off
widens the kernel attack surface for everything in the container. If one call is missing, a custom
profile that allows just it keeps the rest. CIS Docker Benchmark 5.22. (A privileged container has
no seccomp either; that is DR004.)

## Example
```json
"HostConfig": {
    "SecurityOpt": ["seccomp=unconfined"]
}
```

## Use instead
```json
"HostConfig": {
    "SecurityOpt": ["seccomp=/etc/docker/seccomp/app.json"]
}
```

## Fix safety
No automatic fix: the running container is not edited, and the workload may need a call the
default profile blocks.

## References
- CIS Docker Benchmark v1.6.0, 5.22 (5.21 in v1.5.0)
- https://docs.docker.com/engine/security/seccomp/
)md",
};

}  // namespace shipshape
