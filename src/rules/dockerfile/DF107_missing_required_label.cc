// A label the configured schema requires is missing from the final image.
#include <set>

#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const auto& schema = ctx.config().label_schema;
  const dockerfile::Stage* st = df.final_stage();
  if (schema.empty() || !st) return;
  std::set<std::string> have;
  for (const rules::LabelEntry& e : rules::ChainLabels(df, *st)) have.insert(e.key);
  for (const auto& [key, type] : schema) {
    if (have.count(key)) continue;
    ctx.Report(st->base_range, "the final image has no label " + key + " (" + type +
                                   "), which the label schema requires");
  }
}

void Schema(Config& c) {
  c.label_schema = {{"org.opencontainers.image.source", "url"},
                    {"org.opencontainers.image.version", "semver"}};
}

}  // namespace

extern const Rule kMissingRequiredLabel{
    .code = "DF107",
    .name = "missing-required-label",
    .summary = "A label required by the configured schema is missing",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3049"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
With a `label_schema` configured (hadolint's `label-schema`), reports each schema label that the
final image does not set: neither the final stage nor a stage it builds `FROM` has it. Builder
stages are not judged. Without a schema the rule does nothing.

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
No automatic fix: the value is not known.

## References
- hadolint DL3049
- https://github.com/opencontainers/image-spec/blob/main/annotations.md
)md",
    .cases = {WithConfig(Schema, Bad("FROM alpine:3.20\n")),
              WithConfig(Schema, Bad("FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.0\n")),
              WithConfig(Schema, Good("FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.source=u\n"
                                      "FROM base\nLABEL org.opencontainers.image.version=1.0\n")),
              Good("FROM alpine:3.20\n")},
};

}  // namespace shipshape
