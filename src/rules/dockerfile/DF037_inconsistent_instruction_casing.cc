// Instruction keywords in a different case than most of the file.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const std::string_view src = ctx.source();
  std::vector<const dockerfile::Instruction*> all;
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (ins.kind == dockerfile::Keyword::kUnknown) continue;
    all.push_back(&ins);
    if (ins.onbuild && ins.onbuild->kind != dockerfile::Keyword::kUnknown)
      all.push_back(ins.onbuild.get());
  }
  size_t lower = 0, upper = 0;
  for (const dockerfile::Instruction* ins : all) {
    std::string_view kw = ins->keyword_range.Of(src);
    if (kw == Lower(kw)) ++lower;
    else if (kw == Upper(kw)) ++upper;
  }
  // BuildKit's tie-break: upper-case unless lower-case is the strict majority.
  const bool want_lower = lower > upper;
  for (const dockerfile::Instruction* ins : all) {
    std::string_view kw = ins->keyword_range.Of(src);
    const std::string want = want_lower ? Lower(kw) : Upper(kw);
    if (kw == want) continue;
    ctx.Report(ins->keyword_range, "'" + std::string(kw) + "' should be " +
                                       (want_lower ? "lower-case" : "upper-case") +
                                       " like the other instructions of this file")
        .WithFix("Write " + want, Applicability::kSafe, {Edit::Replace(ins->keyword_range, want)});
  }
}

}  // namespace

extern constinit const Rule kInconsistentInstructionCasing{
    .code = "DF037",
    .name = "inconsistent-instruction-casing",
    .summary = "Instruction keyword case differs from the rest of the file",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"buildkit", "ConsistentInstructionCasing"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nrun apk add curl\nCOPY . /app\n", .after = "FROM alpine:3.20\nRUN apk add curl\nCOPY . /app\n"},
    .docs = R"md(## What it does
Counts instructions written all upper-case and all lower-case, and flags every instruction not in
the majority case (upper-case wins ties), including mixed spellings such as `Run`.

## Why is this bad
Instructions are case-insensitive, but a file that mixes `RUN` and `run` is harder to read and
to grep, and BuildKit warns about it.

## Example
```dockerfile
FROM alpine:3.20
run apk add curl
COPY . /app
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN apk add curl
COPY . /app
```

## Fix safety
Safe: only the keyword's letter case changes.

## References
- https://docs.docker.com/reference/build-checks/consistent-instruction-casing/
)md",
};

}  // namespace shipshape
