// Dependency or build caches mounted as volumes in a production-looking file.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

std::string_view CacheKind(std::string_view target) {
  const std::string t = Lower(target);
  struct Entry {
    std::string_view needle, kind;
  };
  static const Entry kCaches[] = {
      {"node_modules", "node_modules"}, {"/.npm", "npm cache"},          {"/.yarn", "yarn cache"},
      {"/.pnpm-store", "pnpm store"},    {"/.cache/pip", "pip cache"},    {"/.cache/pypoetry", "poetry cache"},
      {"/.m2", "Maven repository"},      {"/.gradle", "Gradle cache"},    {"__pycache__", "Python bytecode cache"},
      {"/.bundle", "bundler cache"},
      {"/go/pkg/mod", "Go module cache"}, {"/.cargo/registry", "cargo registry"},
  };
  for (const Entry& e : kCaches)
    if (t.find(e.needle) != std::string::npos) return e.kind;
  return {};
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  if (crules::IsDevFile(ctx.file().path)) return;
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Mount& m : s.volumes) {
      if (m.source_file != 0 || !m.known || !m.target.present()) continue;
      if (m.type != compose::MountType::kVolume && m.type != compose::MountType::kBind) continue;
      std::string_view kind = CacheKind(m.target.text);
      if (kind.empty() && m.source.present() && m.type == compose::MountType::kVolume &&
          Lower(m.source.text).find("cache") != std::string::npos &&
          (m.target.text.find("/app") != std::string::npos || m.target.text.find("/home/") != std::string::npos ||
           m.target.text.find("/root") != std::string::npos))
        kind = "cache volume";
      if (kind.empty()) continue;
      once.Report(ctx, f, &s, m.range,
                  "service `" + s.name + "` mounts a " + std::string(kind) + " (`" + m.target.text +
                      "`): a development shortcut; in production dependencies belong in the image");
    }
  }
}

}  // namespace

extern constinit const Rule kDevCacheVolume{
    .code = "DC072",
    .name = "dev-cache-volume",
    .summary = "Dependency or build cache mounted as a volume in a production-looking file",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
In Compose files not named as development, test, CI, example or override files, flags volumes
mounted on dependency or build caches: `node_modules`, `~/.npm`, `~/.yarn`, `~/.pnpm-store`,
`~/.cache/pip`, `~/.cache/pypoetry`, `~/.m2`, `~/.gradle`, `__pycache__`, bundler, Go and cargo caches, and
named volumes called `*cache*` mounted into the app or a home directory.

## Why is this bad
These volumes exist to speed up rebuilds on a developer machine. In production they freeze a
copy of the dependencies at the first start: a new image with updated packages still runs the
old `node_modules` from the volume, which is a classic "the fix is deployed but not live" bug.

## Example
```yaml
services:
  web:
    image: myorg/web:2.1
    volumes:
      - /app/node_modules
```

## Use instead
```yaml
services:
  web:
    image: myorg/web:2.1
```

## Fix safety
No automatic fix: the volume may also hide a bind mount that needs it (see DC070).

## References
- https://docs.docker.com/compose/how-tos/production/
)md",
};

}  // namespace shipshape
