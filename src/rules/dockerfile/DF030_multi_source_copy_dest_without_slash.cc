// COPY with several sources into a destination that is not a directory path.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void CheckInstruction(const dockerfile::Instruction& ins, RuleContext& ctx) {
  if (ins.kind != dockerfile::Keyword::kCopy && ins.kind != dockerfile::Keyword::kAdd) return;
  if (ins.args.size() < 3) return;  // one source and a destination
  const dockerfile::Arg& dest = ins.args.back();
  const std::string& d = dest.value;
  if (d.empty() || d.back() == '/' || d.back() == '\\' || d == "." || d == ".." ||
      d.find('$') != std::string::npos)
    return;
  // JSON form: the slash goes inside the closing quote.
  const uint32_t at = ins.json_form ? dest.range.end - 1 : dest.range.end;
  ctx.Report(dest.range, Upper(ins.keyword) + " has " + std::to_string(ins.args.size() - 1) +
                             " sources, so the destination must be a directory ending in /")
      .WithFix("Append / to the destination", Applicability::kSafe, {Edit::Insert(at, "/")});
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    CheckInstruction(ins, ctx);
    if (ins.onbuild) CheckInstruction(*ins.onbuild, ctx);
  }
}

}  // namespace

extern constinit const Rule kMultiSourceCopyDestWithoutSlash{
    .code = "DF030",
    .name = "multi-source-copy-dest-without-slash",
    .summary = "COPY with several sources needs a destination ending in /",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3021"}, {"trivy", "DS-0011"},
                {"kics", "Copy With More Than Two Arguments Not Ending With Slash"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nCOPY a b /app\n", .after = "FROM alpine:3.20\nCOPY a b /app/\n"},
    .docs = R"md(## What it does
Flags `COPY` and `ADD` with more than one source whose destination does not end in `/` (`.` and
`..` count as directories; destinations with variables are skipped).

## Why is this bad
Docker requires a directory destination, written with a trailing slash, when several sources
are copied; the build fails with "When using COPY with more than one source file, the
destination must be a directory and end with a /".

## Example
```dockerfile
COPY package.json package-lock.json /app
```

## Use instead
```dockerfile
COPY package.json package-lock.json /app/
```

## Fix safety
Safe: the only valid reading of a multi-source copy is "into this directory".

## References
- https://docs.docker.com/reference/dockerfile/#copy
- hadolint DL3021, Trivy DS-0011
)md",
};

}  // namespace shipshape
