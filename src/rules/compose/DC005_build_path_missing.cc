// `build.context` or `build.dockerfile` pointing at a path that does not exist.
#include "core/workspace.h"
#include "generate/init_plan.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

bool IsRemoteContext(std::string_view c) {
  return c.find("://") != std::string_view::npos || c.rfind("git@", 0) == 0 ||
         c.rfind("github.com/", 0) == 0 || c.find(".git#") != std::string_view::npos ||
         (c.size() > 4 && c.substr(c.size() - 4) == ".git");
}

// When the context holds a project shipshape recognises, writes the Dockerfile `shipshape init`
// would (under the name the service asks for) and a .dockerignore if there is none.
void OfferGenerated(const FileSystem& fs, const std::string& context_dir, const std::string& context,
                    const std::string& dockerfile, DiagnosticBuilder& b) {
  if (dockerfile.find("..") != std::string::npos || dockerfile.front() == '/' ||
      context.find("..") != std::string::npos || context.front() == '/')
    return;
  std::optional<generate::Component> c = generate::DetectComponent(fs, context_dir);
  if (!c) return;
  Fix fix;
  fix.title = "Generate `" + NormalizePath(JoinPath(context, dockerfile)) + "` for the detected " +
              c->stack_name + " project";
  fix.applicability = Applicability::kUnsafe;
  for (const generate::PlannedFile& w : generate::ComponentFiles(fs, *c, dockerfile))
    fix.file_writes.push_back({NormalizePath(JoinPath(context, w.path)), w.content, false, 0644});
  if (!fix.file_writes.empty()) b.WithFix(std::move(fix));
}

// The directory of a base Compose file above `dir` from which `context` exists: the file is an
// override used as `docker compose -f compose.yml -f sub/x-compose.yml`, whose relative paths
// resolve from the first file's directory (deviantony/docker-elk's extensions), or empty.
std::string ProjectDirAbove(const FileSystem& fs, const std::string& root, std::string dir, const std::string& context) {
  const std::string top = NormalizePath(root);
  for (int guard = 0; guard < 16 && dir != top && !dir.empty() && dir != "."; ++guard) {
    dir = DirName(dir);
    if (dir.empty()) dir = ".";
    for (const char* base : {"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"})
      if (fs.Exists(JoinPath(dir, base)) && fs.IsDirectory(JoinPath(dir, context))) return dir;
    if (dir == ".") break;
  }
  return {};
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return;
  const FileSystem& fs = *ws->fs;
  const std::string dir = DirName(ctx.file().path);
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    if (!s.build || s.source != 0) continue;
    const compose::Build& b = *s.build;
    std::string context = ".";
    TextRange at = s.name_range;
    if (b.context.present()) {
      if (!b.context.known) continue;  // built from unset variables: cannot judge
      context = b.context.text;
      at = b.context.range;
    }
    if (context.empty() || IsRemoteContext(context)) continue;
    const std::string context_dir = JoinPath(dir, context);
    if (!fs.IsDirectory(context_dir)) {
      if (!ProjectDirAbove(fs, ws->root, dir, context).empty()) continue;
      const bool file = fs.Exists(context_dir);
      once.Report(ctx, f, &s, at,
                  "build context `" + context + "` " + (file ? "is a file, not a directory" : "does not exist") +
                      ": `docker compose build` fails for service `" + s.name + "`");
      continue;
    }
    if (b.dockerfile_inline.present()) continue;
    std::string dockerfile = "Dockerfile";
    TextRange df_at = at;
    if (b.dockerfile.present()) {
      if (!b.dockerfile.known) continue;
      dockerfile = b.dockerfile.text;
      df_at = b.dockerfile.range;
    }
    if (dockerfile.empty()) continue;
    const std::string path = JoinPath(context_dir, dockerfile);
    if (fs.Exists(path) && !fs.IsDirectory(path)) continue;
    // BuildKit falls back to a lower-case `dockerfile` when the default name is missing.
    if (!b.dockerfile.present() && fs.Exists(JoinPath(context_dir, "dockerfile"))) continue;
    auto found = once.Report(ctx, f, &s, df_at,
                             "Dockerfile `" + dockerfile + "` not found in build context `" + context +
                                 "`: `docker compose build` fails for service `" + s.name + "`");
    if (found) OfferGenerated(fs, context_dir, context, dockerfile, *found);
  }
}

}  // namespace

extern constinit const Rule kBuildPathMissing{
    .code = "DC005",
    .name = "build-path-missing",
    .summary = "`build.context` or `build.dockerfile` points at a path that does not exist",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.backup\n", .after = "services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.backup\n"},
    .docs = R"md(## What it does
Checks, in the scanned tree, that each service's build context is a directory and that its
Dockerfile (`build.dockerfile`, default `Dockerfile`, relative to the context) exists. Remote
contexts (Git URLs), `dockerfile_inline`, and paths built from unset variables are skipped; so is
everything when shipshape runs without access to the files (a single file on stdin). A file in a
subdirectory whose context exists relative to a directory above it that holds a base Compose
file is an override used with that base (`-f docker-compose.yml -f extensions/x/x-compose.yml`:
Compose resolves relative paths from the first file's directory) and is not reported.

## Why is this bad
`docker compose build` (and `up --build`) fails for the whole project. It usually means a
directory was renamed or the Dockerfile moved and the Compose file was not updated: the image in
use is then stale, built from an old checkout.

## Example
```yaml
services:
  api:
    build:
      context: ./backend     # the directory is ./api
      dockerfile: Dockerfile.prod
```

## Use instead
```yaml
services:
  api:
    build:
      context: ./api
      dockerfile: Dockerfile.prod
```

## Fix safety
When the context exists and holds a project `shipshape init` recognises (a `package.json`,
`pyproject.toml`, `go.mod`, `pom.xml`, ...), the unsafe fix writes the missing Dockerfile under
the name the service asks for (`Dockerfile.backup`), generated as `shipshape init` does, plus a
`.dockerignore` when there is none; the Compose file is left as it is. A missing context has no
fix: the right path is not known.

## References
- https://docs.docker.com/reference/compose-file/build/
)md",
};

}  // namespace shipshape
