// COPY --from=<number> instead of a stage name.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

bool NameFree(const dockerfile::Dockerfile& df, const std::string& name) {
  for (const dockerfile::Stage& s : df.stages)
    if (s.name == name || Lower(s.base_resolved) == name) return false;
  return true;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const std::string_view src = ctx.source();
  for (const dockerfile::Stage& st : df.stages) {
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) continue;
      const dockerfile::Flag* f = ins->FindFlag("from");
      if (!f || !rules::IsDigits(f->value) || f->value.size() > 5) continue;
      const size_t idx = std::stoul(f->value);
      if (idx >= st.index) continue;  // DF031/DF032 report these
      const dockerfile::Stage& target = df.stages[idx];
      DiagnosticBuilder b = ctx.Report(
          f->value_range, Upper(ins->keyword) + " --from=" + f->value +
                              " refers to a stage by position; inserting or reordering stages "
                              "silently changes what is copied");
      if (!target.name.empty()) {
        b.WithFix("Use the stage name " + target.name, Applicability::kSafe,
                  {Edit::Replace(f->value_range, target.name)});
        continue;
      }
      // Name the stage and use the name. The base argument is the first FROM argument.
      const std::string name = "stage-" + std::to_string(idx);
      if (!target.from || target.from->args.size() != 1 || !NameFree(df, name)) continue;
      const std::string as = rules::MatchCase(target.from->keyword_range.Of(src), "AS");
      b.WithFix("Name stage " + std::to_string(idx) + " \"" + name + "\" and copy from it",
                Applicability::kSafe,
                {Edit::Insert(target.base_range.end, " " + as + " " + name),
                 Edit::Replace(f->value_range, name)});
    }
  }
}

}  // namespace

extern constinit const Rule kCopyFromStageIndex{
    .code = "DF104",
    .name = "copy-from-stage-index",
    .summary = "COPY --from uses a stage number instead of a name",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"kics", "Using Unnamed Build Stages"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /app /app\n", .after = "FROM golang:1.23 AS stage-0\nFROM alpine:3.20\nCOPY --from=stage-0 /app /app\n"},
    .docs = R"md(## What it does
Flags `COPY --from=0` (any numeric stage reference to an earlier stage).

## Why is this bad
Stage numbers change when a stage is inserted or removed above, and the copy then silently takes
files from a different stage. A name states the intent and survives reordering.

## Example
```dockerfile
FROM golang:1.23
RUN go build -o /app .
FROM alpine:3.20
COPY --from=0 /app /app
```

## Use instead
```dockerfile
FROM golang:1.23 AS build
RUN go build -o /app .
FROM alpine:3.20
COPY --from=build /app /app
```

## Fix safety
Safe: when the stage has a name the number is replaced by it; otherwise the stage is named
`stage-<n>` (if that name is free) and the reference uses it. Both refer to the same stage.

## References
- https://docs.docker.com/build/building/multi-stage/#name-your-build-stages
)md",
};

}  // namespace shipshape
