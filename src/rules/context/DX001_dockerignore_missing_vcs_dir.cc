// A .dockerignore that lets the `.git` directory into the build context.
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  context::CheckIgnoreGroup(
      file, ctx, generate::IgnoreGroup::kVcs,
      "the whole repository history goes to the builder, every commit invalidates the `COPY . .` "
      "layer cache, and any secret ever committed lands in the image",
      Applicability::kSafe);
}

}  // namespace

extern constinit const Rule kDockerignoreMissingVcsDir{
    .code = "DX001",
    .name = "dockerignore-missing-vcs-dir",
    .summary = ".dockerignore does not exclude the .git directory",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"dockle", "DKL-LI-0003"}},
    .check_context = Check,
    .fix_example = {.path = ".dockerignore", .before = "node_modules\n", .after = "node_modules\n\n# Version control\n.git\n"},
    .docs = R"md(## What it does
Flags a `.dockerignore` that does not exclude `.git` (and `.hg` / `.svn` when those exist beside
it). Patterns are checked the way BuildKit reads them: `/.git`, `.git/`, `.*` and `**` followed by
re-includes all count, and a later `!.git` undoes an earlier exclusion.

A `.dockerignore` in a subdirectory that holds no `.git` is not flagged: that build context cannot
contain the repository (the check needs the file tree; without it the file is always checked).
Neither is one beside a Dockerfile that installs git and bind-mounts the whole context into a
`RUN` (`RUN --mount=type=bind,target=. ./scripts/build`), as docker/cli and moby do: their build
scripts stamp the version with `git describe` and need the history.

## Why is this bad
Without it, every build uploads the full history to the builder. With `COPY . .` the history
lands in the image: anyone who can pull the image can recover every file ever committed,
including secrets that were "removed" later. Each commit also changes `.git`, so the `COPY . .`
layer and everything after it is rebuilt even when no source file changed.

## Example
```
node_modules
```

## Use instead
```
node_modules

# Version control
.git
```

## Fix safety
Safe: appends the pattern at the end of the file and keeps every existing line, comment and the
file's line endings. Nothing is proposed when a Dockerfile in the same directory explicitly uses
the repository (`COPY .git`, `RUN --mount=...source=.git`, or `git describe`/`git rev-parse` and
similar in a `RUN`): that build needs it.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
- https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore
)md",
};

}  // namespace shipshape
