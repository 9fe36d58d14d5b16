// A container with no restart policy: it stays down after a crash or an engine restart.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  // `docker run --rm` and `docker compose run` containers are one-off jobs: no restart is right.
  if (c.auto_remove || c.compose.oneoff) return;
  if (!c.restart_policy.empty() && c.restart_policy != "no") return;
  runtime::ReportAt(ctx, c, "/HostConfig/RestartPolicy/Name",
                    "no restart policy (`" +
                        (c.restart_policy.empty() ? std::string("\"\"") : c.restart_policy) +
                        "`): the container stays down after a crash or an engine restart",
                    {.run = "apply one live with `docker update --restart unless-stopped " +
                            (c.name.empty() ? std::string("<container>") : c.name) + "`",
                     .compose = "set `restart: unless-stopped`"});
}

}  // namespace

extern constinit const Rule kNoRestartPolicy{
    .code = "DR001",
    .name = "no-restart-policy",
    .summary = "Container has no restart policy",
    .target = Target::kRuntime,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `HostConfig.RestartPolicy.Name` is `no` (or empty, as older engines
write it).

## Why is this bad
Without a restart policy a service that crashes, or whose host or engine restarts, stays down
until someone notices. `unless-stopped` and `always` bring it back (with the engine's growing
back-off between attempts); `on-failure:N` retries a bounded number of times.

Containers started with `--rm` (`HostConfig.AutoRemove`) and `docker compose run` one-off
containers (`com.docker.compose.oneoff=True`) are jobs, not services, and are not flagged.

## Example
```json
"RestartPolicy": {
    "Name": "no",
    "MaximumRetryCount": 0
}
```

## Use instead
```json
"RestartPolicy": {
    "Name": "unless-stopped",
    "MaximumRetryCount": 0
}
```
Compose: `restart: unless-stopped`. A running container can be changed in place with
`docker update --restart unless-stopped <name>`.

## Fix safety
No automatic fix: the running container is not edited. The message names the Compose key (and
file) or the `docker update` command.

## References
- https://docs.docker.com/engine/containers/start-containers-automatically/
- https://docs.docker.com/reference/compose-file/services/#restart
)md",
};

}  // namespace shipshape
