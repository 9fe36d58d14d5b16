// Something other than ARG before the first FROM.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (ins.kind == dockerfile::Keyword::kFrom) return;
    if (ins.kind == dockerfile::Keyword::kArg) continue;
    ctx.Report(ins.keyword_range, Upper(ins.keyword) +
                                      " before the first FROM: only ARG (and comments or parser "
                                      "directives) may come before FROM");
  }
}

}  // namespace

extern constinit const Rule kInstructionBeforeFrom{
    .code = "DF102",
    .name = "instruction-before-from",
    .summary = "An instruction other than ARG precedes the first FROM",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3061"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags every instruction other than `ARG` that appears before the first `FROM`.

## Why is this bad
There is no stage to apply it to: Docker stops with "no build stage in current context". A
`LABEL` or `ENV` meant for all stages must be repeated per stage (or put in a shared base stage).

## Example
```dockerfile
LABEL org.opencontainers.image.source=https://github.com/org/app
FROM alpine:3.20
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.source=https://github.com/org/app
```

## Fix safety
No automatic fix: which stage(s) the instruction belongs to is a decision.

## References
- https://docs.docker.com/reference/dockerfile/#from
- hadolint DL3061
)md",
};

}  // namespace shipshape
