// Container shares the host's network namespace.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.network_mode != "host") return;
  runtime::ReportAt(
      ctx, c, "/HostConfig/NetworkMode",
      "the container shares the host's network namespace: it can bind any host "
      "port, reach services on localhost and sniff host traffic with NET_RAW",
      {.run = "recreate it without `--network host`", .compose = "remove `network_mode: host`"});
}

}  // namespace

extern constinit const Rule kHostNetworkNamespace{
    .code = "DR017",
    .name = "host-network-namespace",
    .summary = "Container shares the host's network namespace",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.10"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container with `HostConfig.NetworkMode` set to `host` (`docker run --network host`, Compose
`network_mode: host`).

## Why is this bad
The container sees and uses the host's interfaces directly: services listening on the host's
loopback become reachable, published-port isolation and firewalling through Docker no longer
apply, and with NET_RAW it can observe host traffic. CIS Docker Benchmark 5.10.

## Example
```json
"HostConfig": {
    "NetworkMode": "host"
}
```

## Use instead
```json
"HostConfig": {
    "NetworkMode": "bridge"
}
```

## Fix safety
No automatic fix: the running container is not edited, and some system tools need the host's
namespace.

## References
- CIS Docker Benchmark v1.6.0, 5.10 (5.9 in v1.5.0)
- https://docs.docker.com/reference/cli/docker/container/run/
)md",
};

}  // namespace shipshape
