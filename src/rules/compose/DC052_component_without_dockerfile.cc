// A deployable component (a directory with package.json, pyproject.toml, go.mod, pom.xml, ...)
// beside a Compose project that containerizes its other code, with no Dockerfile and no service.
#include <set>

#include "compose/compose.h"
#include "core/workspace.h"
#include "generate/init_plan.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

const char* const kMainNames[] = {"compose.yaml", "compose.yml", "docker-compose.yaml",
                                  "docker-compose.yml"};

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs || !f.usable()) return;
  const FileSystem& fs = *ws->fs;
  const std::string dir = DirName(ctx.file().path);
  const std::string self(f.path.substr(f.path.rfind('/') == std::string::npos ? 0 : f.path.rfind('/') + 1));
  // One report per project: on the file `docker compose` reads first in this directory.
  std::string main;
  for (const char* n : kMainNames)
    if (main.empty() && fs.Exists(JoinPath(dir, n))) main = n;
  if (main != self) return;
  // Only projects that build their own code: a Compose file that only runs a database for
  // development on the host is not asking for the app to be containerized.
  bool builds = false;
  for (const compose::Service& s : f.services) builds |= s.build.has_value();
  if (!builds) return;
  const yaml::Entry* services = f.root->Find("services");
  if (!services || !services->value || !services->value->IsMapping()) return;
  const std::string root = NormalizePath(dir);
  std::vector<generate::Component> found = generate::DetectComponents(fs, root, 2);
  std::vector<const generate::Component*> missing;
  std::set<std::string> built;
  for (const compose::Service& s : f.services)
    if (s.build && (!s.build->context.present() || s.build->context.known))
      built.insert(NormalizePath(JoinPath(root, s.build->context.present() ? s.build->context.text : ".")));
  for (const generate::Component& c : found)
    if (!c.has_dockerfile && !built.count(c.dir) && c.dir != root) missing.push_back(&c);
  if (missing.empty()) return;
  const std::set<std::string> documented =
      generate::Documented(fs.Read(JoinPath(root, ".env.example"), 1 << 20).value_or(""));
  for (const generate::Component* c : missing) {
    const std::string rel = c->dir.substr(root == "." ? 0 : root.size() + 1);
    generate::ComposeAddition add = generate::AddServices(f.text, &f, root, {c}, documented);
    auto b = ctx.Report(services->key_range,
                        "`" + rel + "/` holds a " + c->stack_name + " project (" +
                            (c->framework_name.empty() ? c->manager : c->framework_name + ", " + c->manager) +
                            ") with no Dockerfile and no service: it is not containerized while this "
                            "project builds its other code");
    if (!add.edit) continue;
    Fix fix;
    fix.title = "Generate " + rel + "/Dockerfile and .dockerignore and add service `" +
                add.services.front() + "`";
    fix.applicability = Applicability::kUnsafe;
    fix.edits.push_back(*add.edit);
    for (const generate::PlannedFile& w : generate::ComponentFiles(fs, *c))
      fix.file_writes.push_back({rel + "/" + w.path, w.content, false, 0644});
    if (!add.env_lines.empty()) fix.file_writes.push_back({".env.example", add.env_lines, true, 0644});
    b.WithFix(std::move(fix));
  }
}

}  // namespace

extern constinit const Rule kComponentWithoutDockerfile{
    .code = "DC052",
    .name = "component-without-dockerfile",
    .summary = "A deployable component beside the Compose project has no Dockerfile and no service",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    build: ./backend\n", .after = "services:\n  api:\n    build: ./backend\n  frontend:\n    build:\n"
                                  "      context: ./frontend\n    ports:\n      - \"127.0.0.1:8080:8080\"\n"
                                  "    healthcheck:\n      test:\n        - CMD\n        - \"wget\"\n"
                                  "        - \"-q\"\n        - \"--spider\"\n        - \"http://127.0.0.1:8080/\"\n"
                                  "      interval: 30s\n      timeout: 5s\n      retries: 3\n      start_period: 20s\n"
                                  "    restart: unless-stopped\n    security_opt:\n      - no-new-privileges:true\n"
                                  "    cap_drop:\n      - ALL\n    logging:\n      driver: json-file\n      options:\n"
                                  "        max-size: 10m\n        max-file: \"3\"\n    deploy:\n      resources:\n        limits:\n"
                                  "          cpus: \"1.0\"\n          memory: 512M\n"},
    .docs = R"md(## What it does
In a Compose project that builds some of its own code (a service with `build:`), looks at the
directories below it (two levels) for deployable components: a `package.json`, `pyproject.toml`,
`requirements.txt`, `Pipfile`, `go.mod`, `pom.xml`, `build.gradle`, `composer.json`, `Gemfile`,
`Cargo.toml` or a static `index.html`. Reports each one that has no Dockerfile and that no
service builds. Detection is the one `shipshape init` uses (data/stacks.json). Reported once per
directory, on the Compose file `docker compose` reads first.

## Why is this bad
Part of the application is not containerized: it runs from a developer's machine or a hand-made
server, differently from what is tested, and `docker compose up` does not start the whole system
(a `frontend/` next to a containerized backend is the usual case).

## Example
```yaml
# frontend/ holds a Vite app with no Dockerfile
services:
  api:
    build: ./backend
```

## Use instead
```yaml
services:
  api:
    build: ./backend
  frontend:
    build:
      context: ./frontend
    ports:
      - "127.0.0.1:8080:8080"
```

## Fix safety
Unsafe: writes `<component>/Dockerfile` and `.dockerignore` (never over an existing file) as
`shipshape init` does — multi-stage, pinned base, non-root, with a header listing what to check
(entry module, port) — and adds the service with its build context, port, health check, restart
policy and limits. The generated image is a starting point a human must build and review.

## References
- https://docs.docker.com/compose/how-tos/multiple-compose-files/
- https://docs.docker.com/build/building/best-practices/
)md",
};

}  // namespace shipshape
