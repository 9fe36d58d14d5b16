// More than one HEALTHCHECK in a stage: only the last one takes effect.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    const dockerfile::Instruction* last = rules::LastOf(st, dockerfile::Keyword::kHealthcheck);
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kHealthcheck || ins == last) continue;
      ctx.Report(ins->keyword_range, "this HEALTHCHECK is overridden by a later HEALTHCHECK in the same stage"
                                     " and has no effect")
          .WithFix("Delete the overridden HEALTHCHECK", Applicability::kSafe,
                   {rules::DeleteLines(ctx.source(), *ins)});
    }
  }
}

}  // namespace

extern constinit const Rule kMultipleHealthchecks{
    .code = "DF016",
    .name = "multiple-healthchecks",
    .summary = "More than one HEALTHCHECK in a stage",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3012"}, {"buildkit", "MultipleInstructionsDisallowed"}, {"trivy", "DS-0023"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", .after = "FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"},
    .docs = R"md(## What it does
Flags every `HEALTHCHECK` of a stage except the last one.

## Why is this bad
Only the last `HEALTHCHECK` of a stage takes effect; earlier ones are dead code that misleads readers
into thinking they run.

## Example
```dockerfile
FROM alpine:3.20
HEALTHCHECK CMD wget -qO- http://localhost/ || exit 1
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
```

## Use instead
```dockerfile
FROM alpine:3.20
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
```

## Fix safety
Safe: the deleted instruction never affected the image. Comments above it are kept.

## References
- https://docs.docker.com/reference/dockerfile/#healthcheck
- https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/
- hadolint DL3012, Trivy DS-0023
)md",
};

}  // namespace shipshape
