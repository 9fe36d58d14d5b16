// Inline `# hadolint ignore=` / `# shipshape ignore=` pragmas, for teams that ban them.
#include "dockerfile/dockerfile.h"
#include "dockerfile/ignore_comment.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (TextRange c : df.comments) {
    std::vector<std::string> codes;
    bool global = false;
    if (!ParseIgnoreComment(c.Of(ctx.source()), &codes, &global)) continue;
    std::string list;
    for (const std::string& code : codes) list += (list.empty() ? "" : ",") + code;
    ctx.Report(c, std::string(global ? "file-wide" : "inline") + " suppression of " + list +
                      "; the policy asks for findings to be fixed or configured centrally");
  }
}

}  // namespace

extern constinit const Rule kInlineIgnorePragma{
    .code = "DF119",
    .name = "inline-ignore-pragma",
    .summary = "An inline ignore pragma suppresses findings",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"hadolint", "DL1001"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Reports every `# hadolint ignore=...`, `# shipshape ignore=...` and their `global` forms.
Off unless preview rules are enabled or the rule is selected, as hadolint's DL1001 is off by
default.

## Why is this bad
Some organisations want every exception reviewed in one place (the configuration file) rather
than scattered through Dockerfiles, where suppressions outlive the reason they were added.

## Example
```dockerfile
# hadolint ignore=DL3008
RUN apt-get install -y curl
```

## Use instead
Fix the finding, or record the exception in `.shipshape.yaml` / `.hadolint.yaml`.

## Fix safety
No automatic fix.

## References
- hadolint DL1001
)md",
};

}  // namespace shipshape
