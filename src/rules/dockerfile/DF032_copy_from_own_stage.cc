// COPY --from naming the stage it is in.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) continue;
      const dockerfile::Flag* f = ins->FindFlag("from");
      if (!f) continue;
      rules::Expansion e = scope.Expand(f->value);
      if (!e.complete) continue;
      const std::string ref = Lower(e.text);
      const bool self = (!st.name.empty() && ref == st.name) ||
                        (rules::IsDigits(ref) && ref.size() < 6 && std::stoul(ref) == st.index);
      if (!self) continue;
      ctx.Report(f->value_range, Upper(ins->keyword) + " --from=" + e.text +
                                     " copies from the stage it is part of, which is not built "
                                     "yet; copy within the stage with RUN cp, or from the parent");
    }
  }
}

}  // namespace

extern constinit const Rule kCopyFromOwnStage{
    .code = "DF032",
    .name = "copy-from-own-stage",
    .summary = "COPY --from refers to the current stage",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3023"}, {"trivy", "DS-0006"},
                {"kics", "COPY '--from' References Current FROM Alias"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `COPY --from=<name>` (or `--from=<index>`) that names the stage containing the instruction.

## Why is this bad
A stage cannot copy from itself: it is not finished. Docker rejects the index form ("refers to
current build stage") and, for the name form, the classic builder tries to pull an image of that
name while BuildKit fails.

## Example
```dockerfile
FROM alpine:3.20 AS build
RUN make
COPY --from=build /out /dist
```

## Use instead
```dockerfile
FROM alpine:3.20 AS build
RUN make && cp -r /out /dist
```

## Fix safety
No automatic fix: what was meant (a parent stage, a plain copy) cannot be known.

## References
- hadolint DL3023, Trivy DS-0006
)md",
};

}  // namespace shipshape
