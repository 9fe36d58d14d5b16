// Consecutive RUN instructions that could be one.
#include <algorithm>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

std::vector<std::string_view> FlagTexts(std::string_view src, const dockerfile::Instruction& ins) {
  std::vector<std::string_view> out;
  for (const dockerfile::Flag& f : ins.flags) out.push_back(f.range.Of(src));
  std::sort(out.begin(), out.end());
  return out;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  const auto& runs = an.runs();
  for (size_t k = 1; k < runs.size(); ++k) {
    const Run& a = *runs[k - 1];
    const Run& b = *runs[k];
    if (a.onbuild || b.onbuild || a.stage == nullptr || a.stage != b.stage || !a.posix || !b.posix)
      continue;
    // Layers of a builder stage never reach the image; there, small RUNs are cache boundaries.
    if (!an.InFinalImage(*a.stage)) continue;
    const auto& ins = a.stage->instructions;
    auto at = std::find(ins.begin(), ins.end(), a.ins);
    if (at == ins.end() || at + 1 == ins.end() || *(at + 1) != b.ins) continue;
    if (FlagTexts(df.source, *a.ins) != FlagTexts(df.source, *b.ins)) continue;
    // A RUN that already chains commands shows the author grouping steps on purpose (cache
    // boundaries, readability); only two single-command RUNs in a row are flagged, as hadolint.
    if (a.cmds.size() > 1 || b.cmds.size() > 1) continue;
    std::optional<Fix> fix;
    if (auto edits = JoinRuns(df.source, a, b)) {
      Fix f;
      f.title = "Join with the previous RUN";
      f.applicability = Applicability::kUnsafe;
      f.edits = std::move(*edits);
      fix = std::move(f);
    }
    Emit(ctx, b.ins->keyword_range,
         "consecutive RUN instructions; joining them saves a layer", std::move(fix));
  }
}

}  // namespace

extern constinit const Rule kConsecutiveRunInstructions{
    .code = "DF097",
    .name = "consecutive-run-instructions",
    .summary = "Short consecutive RUN instructions could be one",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {{"hadolint", "DL3059"},
                {"kics", "Multiple RUN, ADD, COPY, Instructions Listed"},
                {"parfum", "ruleMoreThanOneInstall"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN mkdir -p /app\nRUN chown app /app\n", .after = "FROM debian:12\nRUN mkdir -p /app && chown app /app\n"},
    .docs = R"md(## What it does
Flags a `RUN` directly following another `RUN` of the same stage (comments between are fine)
when both have the same flags (`--mount`, `--network`...) and each runs a single command.
`RUN`s that chain commands are assumed to be split on purpose, and stages whose layers do not reach the final
image (builder stages that are only `COPY --from`-ed) are not checked.

## Why is this bad
Each `RUN` adds a layer and a cache step. Tiny consecutive steps make the image history longer
and, when a later one removes files an earlier one created, the image bigger.

## Example
```dockerfile
RUN mkdir -p /app
RUN chown app /app
```

## Use instead
```dockerfile
RUN mkdir -p /app && chown app /app
```

## Fix safety
Unsafe: joins the two with ` && ` when nothing but blank lines separates them and the join keeps
failure behaviour (the second has no top-level `;`, `||` or `&`, the first has no comment or
background job). Layering and cache reuse change.

## References
- https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers
- hadolint DL3059
)md",
};

}  // namespace shipshape
