// `on-failure` restart policy without a maximum retry count.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.restart_policy != "on-failure" || c.restart_max_retries > 0) return;
  runtime::ReportAt(
      ctx, c, "/HostConfig/RestartPolicy/MaximumRetryCount",
      "restart policy `on-failure` without a maximum retry count: a container that always fails "
      "is restarted forever",
      {.run = "apply a bound live with `docker update --restart on-failure:5 " +
              (c.name.empty() ? std::string("<container>") : c.name) + "`",
       .compose = "set `restart: on-failure:5` (or `deploy.restart_policy.max_attempts`)"});
}

}  // namespace

extern constinit const Rule kUnboundedRestartOnFailure{
    .code = "DR002",
    .name = "unbounded-restart-on-failure",
    .summary = "on-failure restart policy without a maximum retry count",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.15"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags `HostConfig.RestartPolicy` `on-failure` with `MaximumRetryCount` 0, which the engine reads
as "no limit".

## Why is this bad
A container that fails on every start (bad configuration, a missing dependency) is restarted
forever, burning CPU, filling logs and hiding the failure. CIS Docker Benchmark 5.15 asks for
`on-failure` with at most 5 retries.

Any positive count is accepted: the point is a bound, and 5 is the benchmark's suggestion, not a
hard rule. `always` and `unless-stopped` are not flagged: they are meant for long-running services,
restart with an increasing back-off, and a restart loop shows up in `docker ps`. A missing restart
policy is DR001.

## Example
```json
"RestartPolicy": {
    "Name": "on-failure",
    "MaximumRetryCount": 0
}
```

## Use instead
```json
"RestartPolicy": {
    "Name": "on-failure",
    "MaximumRetryCount": 5
}
```
Compose: `restart: on-failure:5`; `docker update --restart on-failure:5 <name>` changes a running
container.

## Fix safety
No automatic fix: the running container is not edited.

## References
- CIS Docker Benchmark v1.6.0, 5.15 (5.14 in v1.5.0)
- https://docs.docker.com/engine/containers/start-containers-automatically/
)md",
};

}  // namespace shipshape
