// `container_name` pins one container per service: no scaling, collisions between projects.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

/// Deleting `container_name: <service name>`: the service stays reachable by that name on the
/// project's networks (Compose adds the service name as a DNS alias), only the container's own
/// name changes. Other names may be hostnames other containers or files use: no fix.
std::optional<Edit> RemoveName(const compose::ComposeFile& f, const compose::Service& s) {
  const compose::Value& v = s.container_name;
  if (v.from_anchor || !v.known || v.raw != s.name || s.node == nullptr) return std::nullopt;
  std::optional<size_t> at = crules::EntryIndex(*s.node, "container_name");
  if (!at || s.node->entries[*at].value != v.node) return std::nullopt;
  return crules::EditorFor(f).DeleteEntry(*s.node, *at);
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::Value& v = s.container_name;
    if (!v.present() || v.source != 0) continue;
    std::optional<int64_t> replicas = s.replicas.AsInt();
    std::optional<DiagnosticBuilder> b;
    if (replicas && *replicas > 1) {
      b = once.Report(ctx, f, &s, v.range,
                      "service `" + s.name + "` sets `container_name` and `deploy.replicas: " + s.replicas.text +
                          "`: container names are unique, so docker compose refuses it");
      if (b) b->diagnostic().severity = Severity::kError;
    } else {
      b = once.Report(ctx, f, &s, v.range,
                      "service `" + s.name + "` sets `container_name`: it cannot be scaled, and a second copy of the "
                      "project on this host collides with it");
    }
    if (!b) continue;
    if (std::optional<Edit> e = RemoveName(f, s))
      b->WithFix("Remove `container_name: " + v.raw + "`", Applicability::kUnsafe, {*e});
  }
}

}  // namespace

extern constinit const Rule kContainerNameBlocksScaling{
    .code = "DC047",
    .name = "container-name-blocks-scaling",
    .summary = "`container_name` prevents scaling and collides across projects",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  web:\n    image: nginx:1.27\n    container_name: web\n", .after = "services:\n  web:\n    image: nginx:1.27\n"},
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
Unsafe, and offered only when the name equals the service name: it deletes the
`container_name` line. Other containers still reach the service by that name (Compose adds the
service name as a network alias), but the container itself is now called
`<project>-<service>-1`, so scripts running `docker exec <name>` or monitoring by name need the
new name. Other names may be hostnames used elsewhere: no fix.

## References
- https://docs.docker.com/reference/compose-file/services/#container_name
)md",
};

}  // namespace shipshape
