// `build.context` or `build.dockerfile` pointing at a path that does not exist.
#include "core/workspace.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

bool IsRemoteContext(std::string_view c) {
  return c.find("://") != std::string_view::npos || c.rfind("git@", 0) == 0 ||
         c.rfind("github.com/", 0) == 0 || c.find(".git#") != std::string_view::npos ||
         (c.size() > 4 && c.substr(c.size() - 4) == ".git");
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
    once.Report(ctx, f, &s, df_at,
                "Dockerfile `" + dockerfile + "` not found in build context `" + context +
                    "`: `docker compose build` fails for service `" + s.name + "`");
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
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
Checks, in the scanned tree, that each service's build context is a directory and that its
Dockerfile (`build.dockerfile`, default `Dockerfile`, relative to the context) exists. Remote
contexts (Git URLs), `dockerfile_inline`, and paths built from unset variables are skipped; so is
everything when shipshape runs without access to the files (a single file on stdin).

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
No automatic fix: the right path is not known.

## References
- https://docs.docker.com/reference/compose-file/build/
)md",
};

}  // namespace shipshape
