// LABEL keys outside Docker's recommended format.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

std::string Problem(std::string_view k) {
  for (std::string_view ns : {"com.docker.", "io.docker.", "org.dockerproject."})
    if (k.substr(0, ns.size()) == ns) return "uses the namespace " + std::string(ns) + " reserved for Docker";
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (char c : k)
    if (!alnum(c) && c != '.' && c != '-' && c != '_' && c != '/') {
      if (std::isupper(static_cast<unsigned char>(c))) return "has upper-case letters";
      return std::string("contains '") + c + "'";
    }
  // Docker's key format starts keys with a letter (`1.0.x` is a value, not a namespace).
  if (!(k.front() >= 'a' && k.front() <= 'z')) return "must start with a letter";
  if (!alnum(k.back())) return "must end with a letter or digit";
  if (k.find("..") != std::string_view::npos || k.find("--") != std::string_view::npos)
    return "has consecutive separators";
  return {};
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (ins.kind != dockerfile::Keyword::kLabel) continue;
    for (const dockerfile::KeyValue& kv : ins.pairs) {
      if (kv.key.find('$') != std::string::npos) continue;
      std::string_view key = rules::Unquote(kv.key);
      if (key.empty()) continue;
      std::string p = Problem(key);
      if (p.empty()) continue;
      DiagnosticBuilder b = ctx.Report(kv.key_range, "label key \"" + std::string(key) + "\" " + p);
      const std::string lower = Lower(key);
      // Lower-casing is the whole fix only when that alone makes the key valid.
      if (lower != key && Problem(lower).empty() && key.size() == kv.key.size())
        b.WithFix("Rename to " + lower, Applicability::kUnsafe,
                  {Edit::Replace(kv.key_range, lower)});
    }
  }
}

}  // namespace

extern constinit const Rule kInvalidLabelKey{
    .code = "DF106",
    .name = "invalid-label-key",
    .summary = "LABEL key does not follow the label key format",
    .target = Target::kDockerfile,
    .severity = Severity::kStyle,
    .category = Category::kStyle,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3048"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nLABEL Version=1.0\n", .after = "FROM alpine:3.20\nLABEL version=1.0\n"},
    .docs = R"md(## What it does
Flags `LABEL` keys that are not lower-case letters, digits, `.`, `-`, `_` and `/`, that do not
start with a letter and end with a letter or digit, that contain `..` or `--`, or that use the
`com.docker.`, `io.docker.` or `org.dockerproject.` namespaces Docker reserves. Keys built from
variables are skipped.

## Differences from hadolint
hadolint DL3048 reads `LABEL invalid$character=...` literally and reports the `$`. BuildKit
expands variables in label keys, so the key's final form is unknown from the file alone (here
`invalid`, a valid key): shipshape skips keys built from variables.

## Why is this bad
Docker recommends reverse-DNS, lower-case keys so that labels from different tools do not
collide; many consumers (registries, Kubernetes tooling, OCI annotations) compare keys literally,
so `Version` and `version` are different labels.

## Example
```dockerfile
LABEL Version=1.0 com.docker.extension=x
```

## Use instead
```dockerfile
LABEL org.opencontainers.image.version=1.0
```

## Fix safety
When lower-casing alone makes the key valid, the fix renames it; this is unsafe because whoever
reads the old key no longer finds it.

## References
- https://docs.docker.com/config/labels-custom-metadata/#key-format-recommendations
- hadolint DL3048
)md",
};

}  // namespace shipshape
