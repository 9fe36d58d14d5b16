// `container_name` pins one container per service: no scaling, collisions between projects.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::Value& v = s.container_name;
    if (!v.present() || v.source != 0) continue;
    std::optional<int64_t> replicas = s.replicas.AsInt();
    if (replicas && *replicas > 1) {
      std::optional<DiagnosticBuilder> b =
          once.Report(ctx, f, &s, v.range,
                      "service `" + s.name + "` sets `container_name` and `deploy.replicas: " + s.replicas.text +
                          "`: container names are unique, so docker compose refuses it");
      if (b) b->diagnostic().severity = Severity::kError;
      continue;
    }
    once.Report(ctx, f, &s, v.range,
                "service `" + s.name + "` sets `container_name`: it cannot be scaled, and a second copy of the "
                "project on this host collides with it");
  }
}

}  // namespace

extern const Rule kContainerNameBlocksScaling{
    .code = "DC047",
    .name = "container-name-blocks-scaling",
    .summary = "`container_name` prevents scaling and collides across projects",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags services with a fixed `container_name`; as an error when the service also asks for
`deploy.replicas` greater than 1.

## Why is this bad
Container names are unique per host. With a fixed name `docker compose up --scale web=3` fails,
two checkouts of the project (a branch, a CI job) cannot run side by side, and a rename
leaves an orphan. Compose already names containers `<project>-<service>-<n>` and services
reach each other by service name, so the fixed name rarely buys anything.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    container_name: web
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
```

## Fix safety
No automatic fix: scripts (`docker exec web ...`) and monitoring may use the name.

## References
- https://docs.docker.com/reference/compose-file/services/#container_name
)md",
    .cases = {Bad("services:\n  web:\n    image: nginx:1.27\n    container_name: web\n"),
              Bad("services:\n  web:\n    image: nginx:1.27\n    container_name: web\n    deploy:\n      replicas: 3\n"),
              Good("services:\n  web:\n    image: nginx:1.27\n"),
              Good("services:\n  web:\n    image: nginx:1.27\n    hostname: web\n")},
};

}  // namespace shipshape
