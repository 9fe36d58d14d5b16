// A published port without a host IP: it listens on every interface.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    if (s.network_mode.present() && s.network_mode.known && s.network_mode.text == "host") continue;
    for (const compose::Port& p : s.ports) {
      if (p.source != 0) continue;
      const crules::HostBinding how = crules::BindingOf(p);
      if (how != crules::HostBinding::kAllImplicit && how != crules::HostBinding::kAllExplicit) continue;
      if (crules::IsDatastorePort(f, s, crules::TargetPort(p))) continue;  // DC060
      std::string spec = p.long_syntax ? "port " + p.target.text : "`" + p.target.raw + "`";
      if (!p.long_syntax && p.node && p.node->IsScalar()) spec = "`" + p.node->value + "`";
      once.Report(ctx, f, &s, p.range,
                  "service `" + s.name + "` publishes " + spec + " on " +
                      (how == crules::HostBinding::kAllExplicit ? "every interface (explicitly)" : "every interface") +
                      "; bind the address it should listen on (`127.0.0.1:` for local use)");
    }
  }
}

}  // namespace

extern constinit const Rule kPortBoundToAllInterfaces{
    .code = "DC061",
    .name = "port-bound-to-all-interfaces",
    .summary = "A published port listens on every host interface",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.14"},
                {"dclint", "no-unbound-port-interfaces"},
                {"kics", "Container Traffic Not Bound To Host Interface"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Reports published ports without a host IP (`"8080:80"`, `"80"`, long syntax without `host_ip`)
or with an explicit wildcard (`0.0.0.0`, `::`). Data-store ports are DC060's. A host IP from an
unset variable is neither reported nor passed.

## Why is this bad
Such a port is reachable on every interface of the host, including public ones, and Docker's
iptables rules take precedence over the host firewall. For a public web server that is the
point; for an admin UI, a metrics endpoint or a development server it is an accident.
CIS Docker Benchmark 5.14 (5.13 before v1.6.0).

## Example
```yaml
services:
  grafana:
    image: grafana/grafana:11.1.0
    ports:
      - "3000:3000"
```

## Use instead
```yaml
services:
  grafana:
    image: grafana/grafana:11.1.0
    ports:
      - "127.0.0.1:3000:3000"
```

## Fix safety
No automatic fix: whether the port is meant to be public is not known.

## References
- https://docs.docker.com/engine/network/packet-filtering-firewalls/
- CIS Docker Benchmark v1.6.0, 5.14
)md",
};

}  // namespace shipshape
