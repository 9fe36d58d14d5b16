// Every service on the one default network while a data store and a public service share it.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  if (f.services.size() < 2) return;
  if (!f.networks.empty()) return;
  for (const compose::Service& s : f.services)
    if (s.source != 0 || !s.networks.empty() || s.network_mode.present() ||
        crules::CannotJudgeMissing(f, s, ctx.file().path))
      return;
  // A public-facing service: publishes a port that is not a data-store port.
  const compose::Service* front = nullptr;
  for (const compose::Service& s : f.services) {
    if (crules::IsDatastore(f, s)) continue;
    for (const compose::Port& p : s.ports) {
      const crules::HostBinding b = crules::BindingOf(p);
      if (b != crules::HostBinding::kLoopback && b != crules::HostBinding::kUnknown) front = &s;
    }
    if (front) break;
  }
  if (!front) return;
  for (const compose::Service& s : f.services) {
    if (!crules::IsDatastore(f, s)) continue;
    ctx.Report(s.name_range, "all services share the default network: `" + front->name +
                                 "`, which is published to the outside, can reach data store `" + s.name +
                                 "` directly; put data stores on an `internal: true` back-end network");
  }
}

}  // namespace

extern constinit const Rule kDatabaseOnSharedNetwork{
    .code = "DC062",
    .name = "database-on-shared-network",
    .summary = "Data stores share the one default network with public services",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"kics", "Networks Not Set"}},
    .check_compose = Check,
    .docs = R"md(## What it does
When no service declares `networks:` (everything is on the project's default network), a
service publishes ports to the outside, and another service is a data store (database, cache,
queue, search engine by the known-images table or a well-known port), reports each data store.
Multi-file projects (override files, fragments) are skipped.

## Why is this bad
Network segmentation is defence in depth: the reverse proxy or web frontend facing the internet
is the most exposed component, and on a flat network it reaches the database, the cache and
every admin port directly. An `internal: true` back-end network keeps data stores unreachable
from the front and from the outside.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    ports: ["80:80"]
  api:
    image: myorg/api:1.4
  db:
    image: postgres:16
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
    ports: ["80:80"]
    networks: [front]
  api:
    image: myorg/api:1.4
    networks: [front, back]
  db:
    image: postgres:16
    networks: [back]
networks:
  front:
  back:
    internal: true
```

## Fix safety
No automatic fix: which service talks to which is an architecture decision.

## References
- https://docs.docker.com/compose/how-tos/networking/
- https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html (rule #5)
)md",
};

}  // namespace shipshape
