// A label outside the schema: the configured one (strict mode) or the OCI annotation keys.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

constexpr std::string_view kOci = "org.opencontainers.image.";

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Config& config = ctx.config();
  std::vector<std::string> oci;
  for (const std::string& k : rules::OciAnnotationKeys()) oci.push_back(std::string(kOci) + k);
  for (const dockerfile::Stage& st : df.stages) {
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kLabel) continue;
      for (const dockerfile::KeyValue& kv : ins->pairs) {
        if (kv.key.find('$') != std::string::npos) continue;
        const std::string key(rules::Unquote(kv.key));
        if (key.substr(0, kOci.size()) == kOci) {
          // The OCI namespace has a fixed set of keys; anything else is a typo or an invention.
          bool known = false;
          for (const std::string& k : oci) known |= k == key;
          if (known) continue;
          const std::string hint = rules::ClosestName(key, oci);
          DiagnosticBuilder b = ctx.Report(
              kv.key_range, "\"" + key + "\" is not an OCI pre-defined annotation" +
                                (hint.empty() ? std::string() : " (did you mean " + hint + "?)"));
          if (!hint.empty() && key.size() == kv.key.size())
            b.WithFix("Rename to " + hint, Applicability::kUnsafe, {Edit::Replace(kv.key_range, hint)});
          continue;
        }
        if (config.strict_labels && !config.label_schema.empty() && !config.label_schema.count(key))
          ctx.Report(kv.key_range, "label " + key + " is not in the label schema (strict labels)");
      }
    }
  }
}

}  // namespace

extern constinit const Rule kLabelNotInSchema{
    .code = "DF108",
    .name = "label-not-in-schema",
    .summary = "Label key is not in the schema (OCI keys, or the configured strict schema)",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3050"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nLABEL org.opencontainers.image.licence=MIT\n", .after = "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=MIT\n"},
    .docs = R"md(## What it does
- Always: flags keys in the `org.opencontainers.image.` namespace that the OCI image spec does not
  define (`org.opencontainers.image.licence`, `...image.author`, `...image.commit`), suggesting the
  closest pre-defined key.
- With `strict_labels` and a `label_schema` configured (hadolint's `strict-labels`): flags every
  label that is not in the schema.

## Why is this bad
Registries, scanners and SBOM tools read the OCI keys by exact name: a misspelt key is
invisible to all of them. Under a strict schema, unknown labels are usually typos of schema keys.

## Example
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.licence="MIT"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.licenses="MIT"
```

## Fix safety
For a likely typo of an OCI key the fix renames it; unsafe, because consumers of the old key lose
it.

## References
- https://github.com/opencontainers/image-spec/blob/main/annotations.md#pre-defined-annotation-keys
- hadolint DL3050
)md",
};

}  // namespace shipshape
