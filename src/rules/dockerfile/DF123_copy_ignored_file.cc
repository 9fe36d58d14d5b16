// COPY/ADD of a path that .dockerignore excludes: the build fails or copies nothing.
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "patterns/dockerignore.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// A COPY source as a context-relative path (a leading `/` or `./` means the context root).
std::string Clean(std::string_view p) {
  while (!p.empty() && p.front() == '/') p.remove_prefix(1);
  return dockerignore::CleanPath(p);
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return;
  const std::string& path = ctx.file().path;
  std::optional<std::string> ignore = ws->fs->Read(path + ".dockerignore");
  if (!ignore) ignore = ws->fs->Read(JoinPath(DirName(path), ".dockerignore"));
  if (!ignore) return;
  const dockerignore::Matcher matcher = dockerignore::Matcher::Parse(*ignore);
  // BuildKit skips the check when exceptions exist: they are too hard to judge statically.
  if (matcher.patterns().empty() || !matcher.errors().empty()) return;
  for (const dockerignore::Pattern& pat : matcher.patterns())
    if (pat.exclusion) return;
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if ((ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) ||
          ins->HasFlag("from") || ins->args.size() < 2)
        continue;
      for (size_t i = 0; i + 1 < ins->args.size(); ++i) {
        const std::string& raw = ins->args[i].value;
        if (raw.rfind("<<", 0) == 0 || raw.find("://") != std::string::npos ||
            raw.rfind("git@", 0) == 0)
          continue;
        rules::Expansion e = scope.Expand(raw);
        if (!e.complete) continue;
        const std::string src = Clean(e.text);
        if (src == ".") continue;
        if (!matcher.Excluded(src)) continue;
        // Name the pattern: the last one matching the source or one of its parent directories.
        std::string matched;
        for (const dockerignore::Pattern& pat : matcher.patterns()) {
          for (std::string_view cur = src; !cur.empty();) {
            if (pat.glob.Match(cur)) {
              matched = pat.text;
              break;
            }
            size_t slash = cur.rfind('/');
            cur = slash == std::string_view::npos ? std::string_view() : cur.substr(0, slash);
          }
        }
        if (matched.empty()) continue;
        ctx.Report(ins->args[i].range, Upper(ins->keyword) + " " + e.text +
                                           " is excluded by the .dockerignore pattern \"" +
                                           matched + "\": the builder never receives it");
      }
    }
  }
}

}  // namespace

extern constinit const Rule kCopyIgnoredFile{
    .code = "DF123",
    .name = "copy-ignored-file",
    .summary = "COPY/ADD source is excluded by .dockerignore",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"buildkit", "CopyIgnoredFile"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Reads the `.dockerignore` that applies to the Dockerfile (`<Dockerfile>.dockerignore`, else
`.dockerignore` beside it) and flags `COPY`/`ADD` sources from the build context that one of its
patterns excludes (the path itself or a parent directory). As in BuildKit, nothing is reported
when the ignore file has `!` exceptions. Needs the workspace.

## Why is this bad
Excluded files are never sent to the builder: the `COPY` fails with "not found", or, with a
wildcard, silently copies nothing. Usually either the ignore file is too broad or the `COPY` is
stale.

## Example
With `.dockerignore` containing `config/`:
```dockerfile
FROM alpine:3.20
COPY config/app.yaml /etc/app/
```

## Use instead
Narrow the pattern (`config/*.local.yaml`) or stop copying the file.

## Fix safety
No automatic fix: which side is wrong needs a human.

## References
- https://docs.docker.com/reference/build-checks/copy-ignored-file/
- https://docs.docker.com/build/concepts/context/#dockerignore-files
)md",
};

}  // namespace shipshape
