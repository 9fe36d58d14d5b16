// A host port below 1024 (preview).
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Port& p : s.ports) {
      if (p.source != 0 || !p.known || !p.published.present()) continue;
      const int port = std::atoi(p.published.text.c_str());
      if (port <= 0 || port >= 1024) continue;
      once.Report(ctx, f, &s, p.range,
                  "service `" + s.name + "` publishes privileged host port " + std::to_string(port));
    }
  }
}

}  // namespace

extern constinit const Rule kPrivilegedHostPort{
    .code = "DC064",
    .name = "privileged-host-port",
    .summary = "A published host port below 1024",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"cis", "5.8"}, {"kics", "Privileged Ports Mapped In Container"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Reports published host ports below 1024. Preview rule (opt-in): a reverse proxy on 80/443 is
the normal case; enable it to audit CIS Docker Benchmark 5.8.

## Why is this bad
Ports below 1024 are reserved for system services; publishing them from containers makes the
container a stand-in for one (SSH on 22, DNS on 53) and needs the daemon's privileges. CIS 5.8
(5.7 before v1.6.0) asks to review them.

## Example
```yaml
services:
  ssh:
    image: myorg/ssh:1
    ports: ["22:22"]
```

## Use instead
```yaml
services:
  ssh:
    image: myorg/ssh:1
    ports: ["2222:22"]
```

## Fix safety
No automatic fix: clients use the port number.

## References
- CIS Docker Benchmark v1.6.0, 5.8
)md",
};

}  // namespace shipshape
