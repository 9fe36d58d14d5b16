// A label the configured schema requires is missing from the final image.
#include <cctype>
#include <set>

#include "dockerfile/dockerfile.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// A key that can be written unquoted in a LABEL line.
bool PlainKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_' && c != '/') return false;
  return true;
}

// A value of the label's type that passes DF109 and is plainly a placeholder.
std::string_view Placeholder(std::string_view type) {
  if (type == "url") return "https://example.com/CHANGE-ME";
  if (type == "semver") return "0.0.0";
  if (type == "hash") return "0000000000000000000000000000000000000000";
  if (type == "rfc3339") return "1970-01-01T00:00:00Z";
  if (type == "spdx") return "NOASSERTION";
  if (type == "email") return "change-me@example.com";
  return "CHANGE-ME";
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const auto& schema = ctx.config().label_schema;
  const dockerfile::Stage* st = df.final_stage();
  // A fragment (no FROM) is not an image: its labels may come from the file it is pasted into.
  if (schema.empty() || !st || st->implicit) return;
  std::set<std::string> have;
  for (const rules::LabelEntry& e : rules::ChainLabels(df, *st)) have.insert(e.key);
  for (const auto& [key, type] : schema) {
    if (have.count(key)) continue;
    DiagnosticBuilder b = ctx.Report(st->base_range, "the final image has no label " + key + " (" + type +
                                                         "), which the label schema requires");
    if (!st->from || !PlainKey(key)) continue;
    const std::string line = rules::run::KeywordLike(ctx.source(), *st->from, "LABEL") + " " + key + "=\"" +
                             std::string(Placeholder(type)) + "\"";
    b.WithFix("Add LABEL " + key + " with a placeholder value to replace", Applicability::kUnsafe,
              {rules::run::InsertLinesAfter(ctx.source(), *st->from, {line})});
  }
}

}  // namespace

extern constinit const Rule kMissingRequiredLabel{
    .code = "DF107",
    .name = "missing-required-label",
    .summary = "A label required by the configured schema is missing",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3049"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\n", .after = "FROM alpine:3.20\nLABEL org.opencontainers.image.version=\"0.0.0\"\n"
                                     "LABEL org.opencontainers.image.source=\"https://example.com/CHANGE-ME\"\n"},
    .docs = R"md(## What it does
With a `label_schema` configured (hadolint's `label-schema`), reports each schema label that the
final image does not set: neither the final stage nor a stage it builds `FROM` has it. Builder
stages are not judged. Without a schema the rule does nothing.

## Differences from hadolint
hadolint DL3049 requires the labels in every stage and reports each stage that lacks one.
shipshape checks the final image only (with the stages it builds `FROM`): intermediate stages are
not shipped, so their labels reach nobody.

## Why is this bad
Organisations rely on labels for ownership, provenance and licence scanning; an image without
them cannot be traced back to its source or team.

## Example
With `label_schema: {org.opencontainers.image.source: url}`:
```dockerfile
FROM alpine:3.20
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.source="https://github.com/org/app"
```

## Fix safety
Unsafe: adds `LABEL <name>="<placeholder>"` right after the final stage's `FROM`, with a value of
the label's schema type that is plainly a placeholder (`CHANGE-ME`, `https://example.com/CHANGE-ME`,
`0.0.0`, an all-zero hash, `1970-01-01T00:00:00Z`, SPDX `NOASSERTION`, `change-me@example.com`).
The image then carries the label, but with a value someone must replace: review the diff.

## References
- hadolint DL3049
- https://github.com/opencontainers/image-spec/blob/main/annotations.md
)md",
};

}  // namespace shipshape
