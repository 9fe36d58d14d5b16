// `network_mode: host` shares the host's network stack.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::CheckHostMode(f, ctx, &compose::Service::network_mode, "network_mode",
                        "the container shares the host's network stack: it can bind any host port, reach services listening on localhost and sniff host traffic with NET_RAW");
}

}  // namespace

extern constinit const Rule kHostNetworkMode{
    .code = "DC025",
    .name = "host-network-mode",
    .summary = "`network_mode: host` shares the host's network stack",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.10"}, {"kics", "Shared Host Network Namespace"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags `network_mode: host`.

## Why is this bad
The container sees and uses the host's interfaces directly: every port it opens is open on the
host (no `ports:` mapping, no firewall rules from Docker), it can reach services bound to the
host's `127.0.0.1`, and with `NET_RAW` it can capture host traffic. CIS Docker Benchmark 5.10
(5.9 before v1.6.0).

## Example
```yaml
services:
  app:
    image: myorg/app:1.0
    network_mode: host
```

## Use instead
```yaml
services:
  app:
    image: myorg/app:1.0
    ports:
      - "127.0.0.1:8080:8080"
```

## Fix safety
No automatic fix: a service configured this way usually depends on it (monitoring agents,
network tools); removing it is a design change to review.

## References
- https://docs.docker.com/engine/network/drivers/host/
- CIS Docker Benchmark v1.6.0, 5.10
)md",
};

}  // namespace shipshape
