// More than one CMD in a stage: only the last one takes effect.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    const dockerfile::Instruction* last = rules::LastOf(st, dockerfile::Keyword::kCmd);
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kCmd || ins == last) continue;
      ctx.Report(ins->keyword_range, "this CMD is overridden by a later CMD in the same stage"
                                     " and has no effect")
          .WithFix("Delete the overridden CMD", Applicability::kSafe,
                   {rules::DeleteLines(ctx.source(), *ins)});
    }
  }
}

}  // namespace

extern constinit const Rule kMultipleCmd{
    .code = "DF017",
    .name = "multiple-cmd",
    .summary = "More than one CMD in a stage",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL4003"}, {"buildkit", "MultipleInstructionsDisallowed"}, {"trivy", "DS-0016"}, {"kics", "Multiple CMD Instructions Listed"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nCMD [\"echo\", \"starting\"]\nCMD [\"/usr/bin/app\"]\n", .after = "FROM alpine:3.20\nCMD [\"/usr/bin/app\"]\n"},
    .docs = R"md(## What it does
Flags every `CMD` of a stage except the last one.

## Why is this bad
Only the last `CMD` of a stage takes effect; earlier ones are dead code that misleads readers
into thinking they run. A common mistake is expecting several `CMD`s to run in sequence.

## Example
```dockerfile
FROM alpine:3.20
CMD ["echo", "starting"]
CMD ["/usr/bin/app"]
```

## Use instead
```dockerfile
FROM alpine:3.20
CMD ["/usr/bin/app"]
```

## Fix safety
Safe: the deleted instruction never affected the image. Comments above it are kept.

## References
- https://docs.docker.com/reference/dockerfile/#cmd
- https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/
- hadolint DL4003, Trivy DS-0016
)md",
};

}  // namespace shipshape
