// Blank lines inside a `\` continuation.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (TextRange r : df.empty_continuation_lines)
    ctx.Report(r, "empty line inside a continued instruction; BuildKit will make this an error")
        .WithFix("Delete the empty line", Applicability::kSafe, {Edit::Delete(r)});
}

}  // namespace

extern constinit const Rule kEmptyContinuationLine{
    .code = "DF038",
    .name = "empty-continuation-line",
    .summary = "Empty line inside a continued instruction",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"buildkit", "NoEmptyContinuation"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nRUN apk add \\\n\n    curl\n", .after = "FROM alpine:3.20\nRUN apk add \\\n    curl\n"},
    .docs = R"md(## What it does
Flags blank (or whitespace-only) lines in the middle of an instruction continued with `\`.

## Why is this bad
Docker skips such lines today, so the instruction silently continues past what looks like its
end; a later edit that removes the line above makes the instruction swallow the next one. BuildKit
deprecated the form and will reject it.

## Example
```dockerfile
RUN apk add \

    curl
```

## Use instead
```dockerfile
RUN apk add \
    curl
```

## Fix safety
Safe: Docker already ignores the line.

## References
- https://docs.docker.com/reference/build-checks/no-empty-continuation/
)md",
};

}  // namespace shipshape
