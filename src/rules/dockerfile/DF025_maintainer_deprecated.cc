// The deprecated MAINTAINER instruction.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

constexpr std::string_view kAuthors = "org.opencontainers.image.authors";

// A double-quoted LABEL value that expands to exactly `v` (no variable expansion, no escapes).
std::string QuoteLabelValue(std::string_view v, char escape) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '$' || c == escape) out += escape;
    out += c;
  }
  out += '"';
  return out;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    bool has_authors_label = false;
    for (const dockerfile::Instruction* ins : st.instructions)
      if (ins->kind == dockerfile::Keyword::kLabel)
        for (const dockerfile::KeyValue& kv : ins->pairs)
          has_authors_label |= rules::Unquote(kv.key) == kAuthors;
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kMaintainer) continue;
      DiagnosticBuilder b = ctx.Report(
          ins->keyword_range, "MAINTAINER is deprecated; use LABEL " + std::string(kAuthors) + "=...");
      const TextRange whole{ins->keyword_range.start, ins->range.end};
      if (whole.Of(ctx.source()).find('#') != std::string_view::npos || ins->args.empty()) continue;
      if (has_authors_label) {
        b.WithFix("Delete MAINTAINER (the stage already sets " + std::string(kAuthors) + ")",
                  Applicability::kUnsafe, {rules::DeleteLines(ctx.source(), *ins)});
        continue;
      }
      std::string_view who = rules::Unquote(ins->args[0].value);
      const std::string kw = rules::MatchCase(ins->keyword_range.Of(ctx.source()), "LABEL");
      b.WithFix("Replace with LABEL " + std::string(kAuthors), Applicability::kUnsafe,
                {Edit::Replace(whole, kw + " " + std::string(kAuthors) + "=" +
                                          QuoteLabelValue(who, df.escape))});
    }
  }
}

}  // namespace

extern constinit const Rule kMaintainerDeprecated{
    .code = "DF025",
    .name = "maintainer-deprecated",
    .summary = "MAINTAINER is deprecated",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL4000"}, {"buildkit", "MaintainerDeprecated"}, {"trivy", "DS-0022"},
                {"checkov", "CKV_DOCKER_6"}, {"kics", "MAINTAINER Instruction Being Used"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n", .after = "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n"},
    .docs = R"md(## What it does
Flags the `MAINTAINER` instruction.

## Why is this bad
`MAINTAINER` has been deprecated since Docker 1.13. It fills the legacy `Author` field that OCI
tooling ignores; the standard place for the same information is the
`org.opencontainers.image.authors` label, which registries and scanners display.

## Example
```dockerfile
FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
```

## Fix safety
Unsafe: the image's `Author` field becomes empty and a label appears instead; tools that read
`Author` see the difference. The value is quoted so that `$`, quotes and the escape character
stay literal. When the stage already sets the label, the fix just deletes `MAINTAINER`.

## References
- https://docs.docker.com/reference/dockerfile/#maintainer-deprecated
- https://github.com/opencontainers/image-spec/blob/main/annotations.md
- hadolint DL4000
)md",
};

}  // namespace shipshape
