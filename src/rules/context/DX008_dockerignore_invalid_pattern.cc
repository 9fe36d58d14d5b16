// A .dockerignore line BuildKit cannot compile: the build fails before it starts.
#include "patterns/dockerignore.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  const dockerignore::Matcher m = dockerignore::Matcher::Parse(file.text);
  for (const dockerignore::PatternError& e : m.errors())
    ctx.Report(e.range, e.message + "; BuildKit refuses the whole .dockerignore and the build fails");
}

}  // namespace

extern constinit const Rule kDockerignoreInvalidPattern{
    .code = "DX008",
    .name = "dockerignore-invalid-pattern",
    .summary = ".dockerignore line is not a valid pattern (the build fails)",
    .target = Target::kContext,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .docs = R"md(## What it does
Flags `.dockerignore` lines that Docker's pattern matcher rejects: an unclosed or empty character
class (`[a-`, `[]`), a class range running backwards (`[z-a]`), a trailing backslash, or a lone
`!`.

## Why is this bad
BuildKit compiles every line before sending the context. One bad line makes the whole build fail
with `syntax error in pattern` (or `illegal exclusion pattern`), typically far from where the
line was added.

## Example
```
logs/[0-9
```

## Use instead
```
logs/[0-9]*
```

## Fix safety
There is no automatic fix: the intended pattern cannot be guessed. Escape a literal bracket as
`\[`.

## References
- https://docs.docker.com/build/concepts/context/#syntax
- https://pkg.go.dev/path/filepath#Match
)md",
};

}  // namespace shipshape
