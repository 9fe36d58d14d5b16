// No PIDs limit.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  // null (engines >= 19.03), 0 (older engines) and -1 all mean unlimited.
  if (c.pids_limit && *c.pids_limit > 0) return;
  runtime::ReportAt(
      ctx, c, "/HostConfig/PidsLimit",
      "no PIDs limit: a fork bomb in the container can exhaust the host's process table",
      {.run = "apply one live with `docker update --pids-limit 200 " +
              (c.name.empty() ? std::string("<container>") : c.name) + "`",
       .compose = "set `pids_limit: 200` (or `deploy.resources.limits.pids`)"});
}

}  // namespace

extern constinit const Rule kNoPidsLimit{
    .code = "DR010",
    .name = "no-pids-limit",
    .summary = "Container has no PIDs limit",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.29"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `HostConfig.PidsLimit` is null, 0 or negative, which all mean "no
limit" (engines since 19.03 write null when unset, older ones 0).

## Why is this bad
Processes and threads share one table per host. A fork bomb or a thread leak in one container
makes `fork()` fail everywhere, including for the engine and sshd. CIS Docker Benchmark 5.29.

## Example
```json
"HostConfig": {
    "PidsLimit": null
}
```

## Use instead
```json
"HostConfig": {
    "PidsLimit": 200
}
```
Compose: `pids_limit: 200` or `deploy.resources.limits.pids: 200`;
`docker update --pids-limit 200 <name>` changes a running container.

## Fix safety
No automatic fix: the running container is not edited, and a limit below the workload's thread
count breaks it.

## References
- CIS Docker Benchmark v1.6.0, 5.29 (5.28 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/#pids-limit
)md",
};

}  // namespace shipshape
