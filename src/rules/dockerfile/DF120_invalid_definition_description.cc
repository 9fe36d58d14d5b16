// A comment directly above an ARG or named stage that does not start with its name.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void CheckComment(const dockerfile::Instruction& ins, std::string_view name, std::string_view what,
                  RuleContext& ctx) {
  if (ins.leading_comments.empty() || name.empty()) return;
  // BuildKit reads the comment block right above as the description; its first word is the name.
  const TextRange c = ins.leading_comments.front();
  std::string_view text = c.Of(ctx.source());
  text.remove_prefix(1);  // '#'
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  // Tool pragmas and directives are not descriptions.
  for (std::string_view p : {"hadolint", "shipshape", "check=", "syntax=", "escape=", "checkov:",
                             "kics-scan", "trivy:", "nosec", "noqa"})
    if (text.substr(0, p.size()) == p) return;
  std::string_view first = text.substr(0, text.find_first_of(" \t:"));
  if (first == name) return;
  ctx.Report(c, "the comment above " + std::string(what) + " " + std::string(name) +
                    " should start with its name to document it (`# " + std::string(name) + " ...`)");
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (ins.kind == dockerfile::Keyword::kArg && ins.pairs.size() == 1)
      CheckComment(ins, ins.pairs[0].key, "ARG", ctx);
  }
  for (const dockerfile::Stage& st : df.stages)
    if (st.from && !st.name.empty())
      CheckComment(*st.from, st.name_range.Of(ctx.source()), "stage", ctx);
}

}  // namespace

extern constinit const Rule kInvalidDefinitionDescription{
    .code = "DF120",
    .name = "invalid-definition-description",
    .summary = "Comment above an ARG or stage does not start with its name",
    .target = Target::kDockerfile,
    .severity = Severity::kStyle,
    .category = Category::kStyle,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"buildkit", "InvalidDefinitionDescription"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
For an `ARG` (one name) or a named stage with a comment directly above it, flags the comment when
its first word is not the ARG or stage name. Tool pragmas (`# hadolint ...`, `# check=...`) are
not descriptions and are ignored. Experimental in BuildKit; preview here.

## Why is this bad
`docker buildx build --call=outline` and `--call=targets` show these comments as the
documentation of build arguments and targets, but only when they follow the `# NAME description`
convention.

## Example
```dockerfile
# The Go version to build with
ARG GO_VERSION=1.23
```

## Use instead
```dockerfile
# GO_VERSION sets the Go toolchain used to build
ARG GO_VERSION=1.23
```

## Fix safety
No automatic fix: rewriting prose is left to the author.

## References
- https://docs.docker.com/reference/build-checks/invalid-definition-description/
)md",
};

}  // namespace shipshape
