// A .dockerignore that lets host-installed dependencies (node_modules, .venv, vendor/bundle...)
// into the build context.
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  context::CheckIgnoreGroup(
      file, ctx, generate::IgnoreGroup::kDependencies,
      "dependencies installed on the host are huge to upload and, copied over the image's own "
      "install, replace it with packages built for another OS or CPU",
      Applicability::kSafe);
}

}  // namespace

extern constinit const Rule kDockerignoreMissingDependencyDirs{
    .code = "DX004",
    .name = "dockerignore-missing-dependency-dirs",
    .summary = ".dockerignore does not exclude host-installed dependencies of the detected stack",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".dockerignore", .before = ".git\n", .after = ".git\n\n# Dependencies installed on the host (the image installs "
                               "its own)\n**/node_modules\n"},
    .docs = R"md(## What it does
Detects the stack of the build context from the files beside the `.dockerignore` and flags
dependency directories it does not exclude:

| Detected from | Expected pattern |
|---|---|
| `package.json` | `**/node_modules` |
| `requirements*.txt`, `pyproject.toml`, `setup.py`, `Pipfile`, ... | `.venv` |
| `Gemfile` | `vendor/bundle` (and `.bundle` when present) |
| `composer.json` | `vendor` |
| a `venv/` directory | `venv` |

Without access to the file tree (a single file given on its own) nothing is detected and nothing
is reported.

## Why is this bad
A host `node_modules` easily weighs hundreds of megabytes: every build uploads it. Worse, when the
Dockerfile installs dependencies and then runs `COPY . .`, the host copy overwrites the image's,
bringing in native modules compiled for macOS or another libc, which then crash at run time.

## Example
```
.git
```
(beside a `package.json`)

## Use instead
```
.git

# Dependencies installed on the host (the image installs its own)
**/node_modules
```

## Fix safety
Safe: the image installs its own dependencies; the missing patterns are appended at the end and
existing lines are kept. A pattern that would hide a path a Dockerfile in the same directory
explicitly copies (`COPY vendor/ ...`) is not proposed, and neither is one for a stack whose
dependencies none of the Dockerfiles in the same directory installs (no `npm ci`, `pip install`,
`bundle install`, `composer install`...): such an image ships the host's copy.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
- https://docs.docker.com/guides/nodejs/containerize/
)md",
};

}  // namespace shipshape
