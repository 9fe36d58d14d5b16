// A port published on every host interface.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

bool AllInterfaces(std::string_view ip) {
  return ip.empty() || ip == "0.0.0.0" || ip == "::" || ip == "[::]";
}

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (const runtime::PortBinding& p : c.port_bindings) {
    if (!AllInterfaces(p.host_ip)) continue;
    const std::string host_port =
        p.host_port.empty() ? "a random host port" : "port " + p.host_port;
    const std::string port = p.container_port.substr(0, p.container_port.find('/'));
    const std::string spec = (p.host_port.empty() ? "" : p.host_port + ":") + port;
    runtime::ReportAt(
        ctx, c, p.pointer + "/HostIp",
        host_port + " (container " + p.container_port + ") is published on every host interface" +
            (p.host_ip.empty() ? "" : " (" + runtime::Quote(p.host_ip) + ")") +
            ", and Docker's own firewall rules bypass host firewalls such as UFW",
        {.run =
             "recreate it with `-p 127.0.0.1:" + spec + "` (or the one address that must serve it)",
         .compose = "bind it to one address in `ports`, e.g. `\"127.0.0.1:" + spec + "\"`"});
  }
  if (c.publish_all_ports) {
    runtime::ReportAt(ctx, c, "/HostConfig/PublishAllPorts",
                      "every exposed port is published on every host interface (`-P`)",
                      {.run = "recreate it without `-P`, publishing only the needed ports on one "
                              "address",
                       .compose = "publish only the needed `ports`, each on one address"});
  }
}

}  // namespace

extern constinit const Rule kPortPublishedOnAllInterfaces{
    .code = "DR022",
    .name = "port-published-on-all-interfaces",
    .summary = "Port published on every host interface",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.14"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags each `HostConfig.PortBindings` entry whose `HostIp` is empty, `0.0.0.0` or `::` (every
interface, IPv4 and IPv6), and `HostConfig.PublishAllPorts` (`docker run -P`).

## Why is this bad
A port published without an address is reachable from every network the host is on. Docker
inserts its own iptables/nftables rules ahead of host firewalls such as UFW or firewalld, so a
database published "for local use" is often open to the internet. Bind each port to the one
address that must serve it (often `127.0.0.1` behind a reverse proxy). CIS Docker Benchmark 5.14.

## Example
```json
"PortBindings": {
    "5432/tcp": [{"HostIp": "", "HostPort": "5432"}]
}
```

## Use instead
```json
"PortBindings": {
    "5432/tcp": [{"HostIp": "127.0.0.1", "HostPort": "5432"}]
}
```
Compose: `ports: ["127.0.0.1:5432:5432"]`.

## Fix safety
No automatic fix: the running container is not edited, and clients on other hosts may rely on the
port.

## References
- CIS Docker Benchmark v1.6.0, 5.14 (5.13 in v1.5.0)
- OWASP Docker Security Cheat Sheet, rule #5a
- https://docs.docker.com/engine/network/packet-filtering-firewalls/
)md",
};

}  // namespace shipshape
