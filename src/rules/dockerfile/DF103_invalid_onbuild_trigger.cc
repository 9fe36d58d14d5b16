// ONBUILD wrapping an instruction that cannot be a trigger.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (ins.kind != dockerfile::Keyword::kOnbuild || !ins.onbuild) continue;
    const dockerfile::Keyword k = ins.onbuild->kind;
    if (k != dockerfile::Keyword::kOnbuild && k != dockerfile::Keyword::kFrom &&
        k != dockerfile::Keyword::kMaintainer)
      continue;
    ctx.Report(ins.onbuild->keyword_range,
               "ONBUILD cannot wrap " + Upper(ins.onbuild->keyword) +
                   (k == dockerfile::Keyword::kOnbuild ? ": triggers do not chain"
                                                       : ": it is not allowed as a trigger"));
  }
}

}  // namespace

extern constinit const Rule kInvalidOnbuildTrigger{
    .code = "DF103",
    .name = "invalid-onbuild-trigger",
    .summary = "ONBUILD wraps ONBUILD, FROM or MAINTAINER",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3043"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `ONBUILD ONBUILD ...`, `ONBUILD FROM ...` and `ONBUILD MAINTAINER ...`.

## Why is this bad
Docker rejects these triggers ("isn't allowed as an ONBUILD trigger"), so the image cannot be
built.

## Example
```dockerfile
ONBUILD FROM alpine:3.20
```

## Use instead
Put the `FROM` in the child Dockerfile; use `ONBUILD` only for `COPY`, `RUN` and the like.

## Fix safety
No automatic fix.

## References
- https://docs.docker.com/reference/dockerfile/#onbuild
- hadolint DL3043
)md",
};

}  // namespace shipshape
