// Source code bind-mounted over the image in a production-looking Compose file.
#include "core/workspace.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

std::string Relative(std::string_view p) {
  std::string n = NormalizePath(p);
  while (n.size() > 1 && n.back() == '/') n.pop_back();
  return n;
}

// A directory (no extension) or a source file of a common language.
bool CodeLike(const std::string& rel) {
  const std::string base = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
  const size_t dot = base.rfind('.');
  if (dot == std::string::npos || dot == 0) return true;
  const std::string ext = Lower(base.substr(dot + 1));
  for (std::string_view e : {"py", "js", "mjs", "ts", "rb", "php", "go", "java", "cs", "rs", "ex", "exs"})
    if (ext == e) return true;
  return false;
}

bool CodeDir(const std::string& rel) {
  if (rel == ".") return true;
  const std::string first = rel.substr(0, rel.find('/'));
  for (std::string_view d : {"src", "app", "code", "lib", "backend", "frontend", "server", "client", "api"})
    if (first == d) return CodeLike(rel);
  return false;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  if (crules::IsDevFile(ctx.file().path)) return;
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    std::string context;
    if (s.build && s.build->context.present() && s.build->context.known) context = Relative(s.build->context.text);
    else if (s.build && !s.build->context.present()) context = ".";
    for (const compose::Mount& m : s.volumes) {
      if (m.source_file != 0 || m.type != compose::MountType::kBind || !m.known || !m.source.present()) continue;
      const std::string& src = m.source.text;
      if (src.empty() || (src[0] != '.' && src[0] != '~')) continue;  // relative sources only
      if (src[0] == '~') continue;
      const std::string rel = Relative(src);
      if (rel.rfind("..", 0) == 0 && rel != ".." ) continue;
      // The build context itself (or the project root) is the code the image was built from.
      const bool is_context = !context.empty() && rel == context;
      if (!CodeDir(rel) && !is_context) continue;
      const std::string& target = m.target.text;
      if (target.rfind("/etc/", 0) == 0 || target.rfind("/var/lib/", 0) == 0 || target == "/data" ||
          target.rfind("/data/", 0) == 0 || target.rfind("/docker-entrypoint-initdb.d", 0) == 0)
        continue;
      once.Report(ctx, f, &s, m.range,
                  "service `" + s.name + "` mounts source code `" + src + "` over `" + target +
                      "`: the container runs whatever is on the host, not the image you built and tested "
                      "(a development setup; move it to compose.override.yaml)");
    }
  }
}

}  // namespace

extern constinit const Rule kSourceCodeBindMount{
    .code = "DC070",
    .name = "source-code-bind-mount",
    .summary = "Source code bind-mounted into a container in a production-looking file",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
In Compose files whose name does not mark them as development, test, CI, example or override
files (`*dev*`, `*test*`, `*local*`, `*debug*`, `*ci*`, `*example*`, `*.override.*`), flags
relative bind mounts of source code: the project root (`.:/app`), the service's own build
context, or a directory (or source file) under `src`, `app`, `code`, `lib`, `backend`,
`frontend`, `server`, `client` or `api`. Configuration files are not code (see DC033). Mounts onto configuration or data paths (`/etc/...`, `/var/lib/...`,
`/data`, `/docker-entrypoint-initdb.d`) are not reported.

## Why is this bad
The image built and tested in CI is not what runs: the container executes the host's working
copy, with whatever uncommitted change, wrong file ownership or missing build step it has.
Dependencies installed in the image (`node_modules`, a virtualenv) get shadowed. It is a
development convenience that leaked into the deployment file.

## Example
```yaml
# docker-compose.yml
services:
  api:
    build: ./backend
    volumes:
      - ./backend/app:/app
```

## Use instead
```yaml
# docker-compose.yml
services:
  api:
    build: ./backend

# compose.override.yaml (loaded automatically in development)
services:
  api:
    volumes:
      - ./backend/app:/app
```

## Fix safety
No automatic fix: moving the mount to an override file is a workflow change.

## References
- https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/
- https://docs.docker.com/compose/how-tos/production/
)md",
};

}  // namespace shipshape
