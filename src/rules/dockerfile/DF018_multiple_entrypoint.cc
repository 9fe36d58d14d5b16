// More than one ENTRYPOINT in a stage: only the last one takes effect.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    const dockerfile::Instruction* last = rules::LastOf(st, dockerfile::Keyword::kEntrypoint);
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kEntrypoint || ins == last) continue;
      ctx.Report(ins->keyword_range, "this ENTRYPOINT is overridden by a later ENTRYPOINT in the same stage"
                                     " and has no effect")
          .WithFix("Delete the overridden ENTRYPOINT", Applicability::kSafe,
                   {rules::DeleteLines(ctx.source(), *ins)});
    }
  }
}

}  // namespace

extern constinit const Rule kMultipleEntrypoint{
    .code = "DF018",
    .name = "multiple-entrypoint",
    .summary = "More than one ENTRYPOINT in a stage",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL4004"}, {"buildkit", "MultipleInstructionsDisallowed"}, {"trivy", "DS-0007"}, {"kics", "Multiple ENTRYPOINT Instructions Listed"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nENTRYPOINT [\"/bin/sh\"]\nENTRYPOINT [\"/usr/bin/app\"]\n", .after = "FROM alpine:3.20\nENTRYPOINT [\"/usr/bin/app\"]\n"},
    .docs = R"md(## What it does
Flags every `ENTRYPOINT` of a stage except the last one.

## Why is this bad
Only the last `ENTRYPOINT` of a stage takes effect; earlier ones are dead code that misleads readers
into thinking they run.

## Example
```dockerfile
FROM alpine:3.20
ENTRYPOINT ["/bin/sh"]
ENTRYPOINT ["/usr/bin/app"]
```

## Use instead
```dockerfile
FROM alpine:3.20
ENTRYPOINT ["/usr/bin/app"]
```

## Fix safety
Safe: the deleted instruction never affected the image. Comments above it are kept.

## References
- https://docs.docker.com/reference/dockerfile/#entrypoint
- https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/
- hadolint DL4004, Trivy DS-0007
)md",
};

}  // namespace shipshape
