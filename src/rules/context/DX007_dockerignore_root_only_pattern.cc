// A .dockerignore pattern written as in .gitignore, expecting to match at every depth, but
// anchored at the context root by Docker.
#include <string>

#include "patterns/dockerignore.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


/// Names of per-directory junk (nobody means "only at the root" when writing these), each with
/// a nested path it should exclude.
struct Junk {
  std::string_view pattern;
  std::string_view nested;
};
const Junk kJunk[] = {
    {"__pycache__", "x/__pycache__/m.pyc"}, {"*.pyc", "x/m.pyc"},
    {"*.pyo", "x/m.pyo"},                   {"*.pyd", "x/m.pyd"},
    {"*.py[cod]", "x/m.pyc"},               {"*.py[co]", "x/m.pyc"},
    {".DS_Store", "x/.DS_Store"},           {"Thumbs.db", "x/Thumbs.db"},
    {"desktop.ini", "x/desktop.ini"},       {"*.swp", "x/a.swp"},
    {"*.swo", "x/a.swo"},                   {"*~", "x/a~"},
    {".ipynb_checkpoints", "x/.ipynb_checkpoints/a"}, {"*.orig", "x/a.orig"},
};

const Junk* FindJunk(std::string_view p) {
  for (const Junk& j : kJunk)
    if (p == j.pattern) return &j;
  return nullptr;
}

void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  const dockerignore::Matcher m = dockerignore::Matcher::Parse(file.text);
  for (const dockerignore::Pattern& p : m.patterns()) {
    const Junk* junk = p.exclusion ? nullptr : FindJunk(p.text);
    if (!junk) continue;
    std::string_view written = p.range.Of(file.text);
    // `/__pycache__` and `./__pycache__` say "root only" on purpose.
    if (written.empty() || written.front() == '/' || written.substr(0, 2) == "./") continue;
    // Already covered at every depth by another line (`**/*.pyc` beside `*.pyc`).
    if (m.Excluded(junk->nested)) continue;
    ctx.Report(p.range, "`" + p.text + "` only matches at the root of the build context: " +
                            ".dockerignore patterns are anchored (unlike .gitignore), so nested "
                            "copies are still sent; write `**/" + p.text + "`")
        .WithFix("Prefix the pattern with `**/`", Applicability::kSafe,
                 {Edit::Insert(p.range.start, "**/")});
  }
}

}  // namespace

extern constinit const Rule kDockerignoreRootOnlyPattern{
    .code = "DX007",
    .name = "dockerignore-root-only-pattern",
    .summary = ".dockerignore pattern for per-directory junk only matches at the context root",
    .target = Target::kContext,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".dockerignore", .before = "*.pyc\n", .after = "**/*.pyc\n"},
    .docs = R"md(## What it does
Flags `.dockerignore` lines such as `*.pyc`, `__pycache__`, `.DS_Store` or `*.swp`: names of
files every directory can hold, written without `**/`.

## Why is this bad
`.dockerignore` is not `.gitignore`. Docker matches every pattern against the whole path from the
context root, so `*.pyc` excludes `app.pyc` but not `app/models/app.pyc`, and `__pycache__`
excludes only the top-level cache directory. These lines are almost always copied from a
`.gitignore` where they match everywhere; in a `.dockerignore` they silently do much less.

## Example
```
__pycache__
*.pyc
```

## Use instead
```
**/__pycache__
**/*.pyc
```

## Fix safety
Safe: `**/x` matches everything `x` matched plus the nested copies, and the names flagged here are
caches and editor/OS files no build needs. Lines anchored on purpose (`/__pycache__`) and lines
already covered by a `**/` twin are left alone.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
- https://github.com/moby/patternmatcher
)md",
};

}  // namespace shipshape
