// json-file logs without rotation.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.log_driver != "json-file") return;
  auto it = c.log_options.find("max-size");
  if (it != c.log_options.end() && !it->second.empty() && it->second != "-1") return;
  const bool has_config = c.ranges.Find("/HostConfig/LogConfig/Config") != nullptr;
  runtime::ReportAt(
      ctx, c, has_config ? "/HostConfig/LogConfig/Config" : "/HostConfig/LogConfig/Type",
      "`json-file` logs have no `max-size`: they grow without bound and can fill the disk",
      {.run = "recreate it with `--log-opt max-size=10m --log-opt max-file=3` (or set `log-opts` "
              "in daemon.json for every new container)",
       .compose = "set `logging.options.max-size` (e.g. `10m`, with `max-file: \"3\"`)"});
}

}  // namespace

extern constinit const Rule kUnboundedContainerLogs{
    .code = "DR023",
    .name = "unbounded-container-logs",
    .summary = "json-file logs without size-based rotation",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container logging with the `json-file` driver (`HostConfig.LogConfig.Type`) without a
`max-size` option (or with `max-size` -1).

## Why is this bad
`json-file`, Docker's default driver, keeps every line forever unless `max-size` is set: a chatty
container fills `/var/lib/docker` and takes the engine, and every other container, down with it.
Options set in the engine's `daemon.json` (`log-opts`) are copied into each new container's
`LogConfig.Config`, so they are seen here.

The `local` driver is not flagged: it rotates by default (20 MB per file, 5 files). Other drivers
(`journald`, `syslog`, `fluentd`, ...) leave retention to their destination.

## Example
```json
"LogConfig": {
    "Type": "json-file",
    "Config": {}
}
```

## Use instead
```json
"LogConfig": {
    "Type": "json-file",
    "Config": {"max-size": "10m", "max-file": "3"}
}
```
Compose: `logging: {driver: json-file, options: {max-size: 10m, max-file: "3"}}`.

## Fix safety
No automatic fix: the running container is not edited; log options apply only to new containers.

## References
- https://docs.docker.com/engine/logging/drivers/json-file/
- https://docs.docker.com/engine/logging/drivers/local/
)md",
};

}  // namespace shipshape
