// no-new-privileges not set.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

// `no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` all enable it.
bool Enables(std::string_view opt) {
  if (opt.rfind("no-new-privileges", 0) != 0) return false;
  std::string_view rest = opt.substr(17);
  return rest.empty() || rest == ":true" || rest == "=true";
}

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (const std::string& opt : c.security_opt)
    if (Enables(opt)) return;
  runtime::ReportAt(ctx, c, "/HostConfig/SecurityOpt",
                    "`no-new-privileges` is not set: setuid binaries and file capabilities can "
                    "raise the privileges of processes in the container",
                    {.run = "recreate it with `--security-opt no-new-privileges`",
                     .compose = "add `no-new-privileges:true` to `security_opt`"});
}

}  // namespace

extern constinit const Rule kMissingNoNewPrivileges{
    .code = "DR006",
    .name = "missing-no-new-privileges",
    .summary = "Container may gain new privileges (no-new-privileges not set)",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.26"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `HostConfig.SecurityOpt` has no `no-new-privileges` entry
(`no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` all count;
`no-new-privileges:false` does not).

## Why is this bad
Without the flag, a process can gain privileges through setuid/setgid binaries or file
capabilities (`su`, `sudo`, `ping` on some images). With it the kernel refuses such transitions.
CIS Docker Benchmark 5.26.

Not visible here: `"no-new-privileges": true` in the engine's `daemon.json` applies to every
container without showing in its `SecurityOpt`. On such hosts, ignore this rule in the config.

## Example
```json
"HostConfig": {
    "SecurityOpt": null
}
```

## Use instead
```json
"HostConfig": {
    "SecurityOpt": ["no-new-privileges:true"]
}
```

## Fix safety
No automatic fix: the running container is not edited; a workload relying on setuid helpers
breaks with the flag.

## References
- CIS Docker Benchmark v1.6.0, 5.26 (5.25 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/#security-opt
)md",
};

}  // namespace shipshape
