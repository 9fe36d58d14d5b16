// The container's healthcheck is failing.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.health_status != "unhealthy") return;
  std::string problem = "the container is unhealthy";
  if (c.health_failing_streak > 0)
    problem += " (" + std::to_string(c.health_failing_streak) + " failed checks in a row)";
  if (!c.health_last_output.empty() || c.health_last_exit_code != 0) {
    problem += ": the last check exited with " + std::to_string(c.health_last_exit_code);
    if (!c.health_last_output.empty()) problem += ": " + runtime::Quote(c.health_last_output);
  }
  runtime::ReportAt(ctx, c, "/State/Health/Status", std::move(problem),
                    {.run = "see `docker inspect --format '{{json .State.Health}}' " +
                            (c.name.empty() ? std::string("<container>") : c.name) + "`",
                     .compose = "check the service and its `healthcheck:`"});
}

}  // namespace

extern constinit const Rule kUnhealthyContainer{
    .code = "DR012",
    .name = "unhealthy-container",
    .summary = "Container is failing its healthcheck",
    .target = Target::kRuntime,
    .severity = Severity::kError,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `State.Health.Status` is `unhealthy`, quoting the failing streak and the
exit code and output of the last check (`State.Health.Log`).

## Why is this bad
The service is running but its own healthcheck says it does not work. Docker alone does not
restart unhealthy containers; dependants waiting on `service_healthy` never start. `starting`
(within the start period) and `healthy` are not flagged.

## Example
```json
"State": {
    "Health": {
        "Status": "unhealthy",
        "FailingStreak": 12
    }
}
```

## Use instead
```json
"State": {
    "Health": {
        "Status": "healthy",
        "FailingStreak": 0
    }
}
```
Find out why the check fails (`docker inspect --format '{{json .State.Health}}' <name>`), then fix
the service or the check.

## Fix safety
No automatic fix.

## References
- https://docs.docker.com/reference/dockerfile/#healthcheck
)md",
};

}  // namespace shipshape
