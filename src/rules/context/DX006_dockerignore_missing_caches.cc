// A .dockerignore that lets tool caches (__pycache__, .pytest_cache, .gradle, .cache) into the
// build context.
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  context::CheckIgnoreGroup(
      file, ctx, generate::IgnoreGroup::kCache,
      "caches change on every local run, so they invalidate the layer cache and bloat the image "
      "without being needed in it",
      Applicability::kSafe);
}

}  // namespace

extern constinit const Rule kDockerignoreMissingCaches{
    .code = "DX006",
    .name = "dockerignore-missing-caches",
    .summary = ".dockerignore does not exclude tool caches of the detected stack",
    .target = Target::kContext,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".dockerignore", .before = "", .after = "# Caches and test artifacts\n**/__pycache__\n**/*.py[cod]\n.pytest_cache\n"},
    .docs = R"md(## What it does
Detects the stack of the build context from the files beside the `.dockerignore` and flags cache
directories it does not exclude:

| Detected from | Expected patterns |
|---|---|
| Python project files | `**/__pycache__`, `**/*.py[cod]`, `.pytest_cache` |
| Gradle files | `.gradle` |
| the directory itself | `.mypy_cache`, `.ruff_cache`, `.tox`, `.cache`, `.npm`, when present |

Patterns are probed at the context root; a root-only pattern such as `__pycache__` satisfies this
rule, and DX007 then points out that it misses nested directories.

## Why is this bad
Caches are rewritten by every local test run or build, so a context that includes them changes
all the time: the `COPY . .` layer and everything after it is rebuilt for nothing, and the image
carries bytecode or test state that does not belong there.

## Example
```
.git
```
(beside a `pyproject.toml`)

## Use instead
```
.git

# Caches and test artifacts
**/__pycache__
**/*.py[cod]
.pytest_cache
```

## Fix safety
Safe: no build needs another machine's caches; the patterns are appended at the end and existing
lines are kept. A pattern that would hide a path a Dockerfile here copies explicitly is skipped.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
- https://docs.docker.com/build/cache/
)md",
};

}  // namespace shipshape
