// A Dockerfile that copies directories from the build context with no .dockerignore in it.
#include <set>

#include "compose/workspace_links.h"
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "emit/dockerignore.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Sources that pull in a whole directory tree of the context.
bool CopiesDirectory(std::string_view src) {
  if (src == "." || src == "./" || src == "*" || src == "./*" || src.ends_with("/") || src.ends_with("/.") ||
      src.ends_with("/*"))
    return true;
  return false;
}

// The generated file reads every Dockerfile of the directory: once per directory and run, not once
// per finding and fix pass.
std::string Generated(const Workspace& ws, const std::string& dir) {
  if (!ws.memo) return generate::GenerateDockerignore(ws, dir);
  return ws.memo->Get("dockerignore:" + dir, [&] { return generate::GenerateDockerignore(ws, dir); });
}

// `to` relative to the directory `from` (both normalized workspace paths).
std::string RelativeTo(const std::string& from, const std::string& to) {
  auto split = [](const std::string& p) {
    std::vector<std::string> parts;
    size_t s = 0;
    while (s <= p.size()) {
      size_t e = p.find('/', s);
      if (e == std::string::npos) e = p.size();
      if (e > s && p.compare(s, e - s, ".") != 0) parts.push_back(p.substr(s, e - s));
      s = e + 1;
    }
    return parts;
  };
  const std::vector<std::string> a = split(from), b = split(to);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += "../";
  for (size_t i = common; i < b.size(); ++i) out += b[i] + "/";
  if (!out.empty()) out.pop_back();
  return out.empty() ? "." : out;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return;
  const dockerfile::Instruction* first = nullptr;
  for (const dockerfile::Instruction& ins : df.instructions) {
    if ((ins.kind != dockerfile::Keyword::kCopy && ins.kind != dockerfile::Keyword::kAdd) ||
        ins.HasFlag("from") || ins.args.size() < 2)
      continue;
    for (size_t i = 0; i + 1 < ins.args.size() && !first; ++i)
      if (CopiesDirectory(ins.args[i].value)) first = &ins;
    if (first) break;
  }
  if (!first) return;
  const std::string& path = ctx.file().path;
  const std::string dir = DirName(path);
  // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile first, then .dockerignore at
  // the root of the build context. The context is what Compose's `build.context` says for every
  // service building this Dockerfile (`../`, `keep-ui/`), else the Dockerfile's directory.
  if (ws->fs->Exists(path + ".dockerignore")) return;
  const std::vector<std::string> contexts = compose::ContextsOf(*ws, path);  // empty: hidden, nothing to judge
  std::vector<std::string> lacking;
  for (const std::string& c : contexts)
    if (!ws->fs->Exists(JoinPath(c, ".dockerignore"))) lacking.push_back(c);
  if (lacking.empty()) return;
  const bool beside = lacking.size() == 1 && NormalizePath(lacking[0]) == NormalizePath(dir.empty() ? "." : dir);
  Fix fix;
  fix.applicability = Applicability::kUnsafe;
  std::string where;
  for (const std::string& c : lacking) {
    const std::string rel = RelativeTo(dir.empty() ? "." : dir, c);
    fix.file_writes.push_back({rel == "." ? ".dockerignore" : rel + "/.dockerignore", Generated(*ws, c), false, 0644});
    where += (where.empty() ? "`" : ", `") + c + "`";
  }
  fix.title = beside ? "Create a .dockerignore for the stacks detected beside the Dockerfile"
                     : "Create a .dockerignore at the root of the build context " + where;
  ctx.Report(first->keyword_range,
             beside ? std::string("this copies a directory of the build context, and there is no .dockerignore "
                                  "beside the Dockerfile: .git, .env files, local secrets and build output go "
                                  "into the image")
                    : "this copies a directory of the build context, and the context " + where +
                          " (from Compose `build.context`) has no .dockerignore: .git, .env files, local secrets "
                          "and build output go into the image")
      .WithFix(std::move(fix));
}

}  // namespace

extern constinit const Rule kMissingDockerignore{
    .code = "DF114",
    .name = "missing-dockerignore",
    .summary = "No .dockerignore while whole directories are copied",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
When a `COPY`/`ADD` takes a whole directory from the build context (`COPY . .`, `COPY src/ ...`)
and neither `<Dockerfile>.dockerignore` (beside the Dockerfile) nor `.dockerignore` at the root
of the build context exists, reports the first such instruction. The build context is resolved
from every Compose file of the workspace whose `build:` uses this Dockerfile (`context: ../`
with `dockerfile: docker/Dockerfile`, `context: keep-ui/`); a Dockerfile no Compose file builds
has its own directory as context. A context hidden by a variable or a remote URL is not judged.
Needs the workspace (it is skipped when linting a lone file).

## Why is this bad
Everything in the directory is sent to the builder and copied: `.git` (history, sometimes
credentials), `.env` files with secrets, `node_modules` and build output from the host (wrong
platform, stale), IDE files. The image grows, the cache is invalidated by irrelevant changes, and
secrets ship.

## Example
A directory with `Dockerfile` containing `COPY . /app` and no `.dockerignore`.

## Use instead
Add a `.dockerignore`:
```
.git
.env*
node_modules
**/*.log
Dockerfile*
```

## Fix safety
Unsafe: `shipshape fix --unsafe` writes a `.dockerignore` at the root of each build context that
lacks one (beside the Dockerfile when that is the context; Docker never reads one anywhere
else), generated for the stacks it detects in that directory (VCS data, `.env*` except `.env.example`, private keys, logs,
dependency and build directories of the detected languages, editor and OS files). Entries that
would hide a path the Dockerfile copies by name are left out, but a build step that reads an
excluded file (e.g. a test run needing `.git`) changes, so review it. An existing file is never
overwritten.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
)md",
};

}  // namespace shipshape
