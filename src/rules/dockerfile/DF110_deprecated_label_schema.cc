// org.label-schema.* labels: the deprecated Label Schema convention, replaced by OCI annotations.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

constexpr std::string_view kPrefix = "org.label-schema.";

// Label Schema 1.0 keys and their OCI equivalents (empty: no equivalent).
std::string OciFor(std::string_view k) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"build-date", "created"}, {"name", "title"},        {"description", "description"},
      {"url", "url"},            {"vcs-url", "source"},    {"vcs-ref", "revision"},
      {"vendor", "vendor"},      {"version", "version"},   {"usage", "documentation"},
      {"license", "licenses"},   {"schema-version", ""},   {"docker.cmd", ""}};
  for (const auto& [from, to] : kMap)
    if (k == from) return to.empty() ? std::string() : "org.opencontainers.image." + std::string(to);
  return {};
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (ins.kind != dockerfile::Keyword::kLabel) continue;
    for (const dockerfile::KeyValue& kv : ins.pairs) {
      std::string_view key = rules::Unquote(kv.key);
      if (key.substr(0, kPrefix.size()) != kPrefix) continue;
      const std::string oci = OciFor(key.substr(kPrefix.size()));
      DiagnosticBuilder b = ctx.Report(
          kv.key_range, "\"" + std::string(key) + "\" uses the deprecated Label Schema convention" +
                            (oci.empty() ? std::string("; OCI annotations replace it")
                                         : "; use " + oci));
      if (!oci.empty() && key.size() == kv.key.size())
        b.WithFix("Rename to " + oci, Applicability::kUnsafe, {Edit::Replace(kv.key_range, oci)});
    }
  }
}

}  // namespace

extern constinit const Rule kDeprecatedLabelSchema{
    .code = "DF110",
    .name = "deprecated-label-schema",
    .summary = "Label uses the deprecated org.label-schema namespace",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nLABEL org.label-schema.vcs-url=\"https://g.com/o/a\"\n", .after = "FROM alpine:3.20\nLABEL org.opencontainers.image.source=\"https://g.com/o/a\"\n"},
    .docs = R"md(## What it does
Flags `org.label-schema.*` labels (label-schema.org, 2016) and names the OCI annotation that
replaced each: `vcs-url` -> `org.opencontainers.image.source`, `vcs-ref` -> `revision`,
`build-date` -> `created`, `name` -> `title`, `usage` -> `documentation`, `license` ->
`licenses`, and so on.

## Why is this bad
The Label Schema project declared itself superseded by the OCI image spec annotations. Registries
(GitHub Container Registry, Docker Hub), scanners and SBOM tools read the OCI keys: the old ones
are ignored.

## Example
```dockerfile
LABEL org.label-schema.vcs-url="https://github.com/org/app"
```

## Use instead
```dockerfile
LABEL org.opencontainers.image.source="https://github.com/org/app"
```

## Fix safety
Unsafe: the rename drops the old key, which some internal tooling may still read. Keys without
an OCI equivalent (`schema-version`, `docker.cmd`) have no fix.

## References
- http://label-schema.org/rc1/
- https://github.com/opencontainers/image-spec/blob/main/annotations.md
)md",
};

}  // namespace shipshape
