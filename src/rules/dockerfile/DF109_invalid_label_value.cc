// A label value that does not match its type (configured schema, or the OCI annotation formats).
#include <re2/re2.h>

#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {


const RE2& Re(int which) {
  static const RE2* kRes[] = {
      new RE2(R"([A-Za-z][A-Za-z0-9+.\-]*://[^\s/?#]+\S*)"),                                   // url
      new RE2(R"(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+\-]\d{2}:\d{2}))"),  // rfc3339
      new RE2(R"((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))"
              R"((-(0|[1-9]\d*|\d*[A-Za-z\-][0-9A-Za-z\-]*)(\.(0|[1-9]\d*|\d*[A-Za-z\-][0-9A-Za-z\-]*))*)?)"
              R"((\+[0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*)?)"),                                  // semver
      new RE2(R"([0-9a-fA-F]{7,64})"),                                                        // hash
      new RE2(R"([^@\s<>]+@[^@\s<>]+\.[^@\s<>.]+)"),                                          // email
      new RE2(R"([A-Za-z][A-Za-z0-9]*:[0-9a-fA-F]{32,})"),                                    // digest
  };
  return *kRes[which];
}

bool Full(int which, std::string_view v) {
  return RE2::FullMatch(re2::StringPiece(v.data(), v.size()), Re(which));
}

// SPDX license expression: identifiers joined by AND/OR/WITH, with parentheses.
bool IsSpdxExpression(std::string_view v) {
  int depth = 0;
  bool expect_id = true;
  size_t i = 0;
  while (i < v.size()) {
    char c = v[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    if (c == '(') {
      if (!expect_id) return false;
      ++depth;
      ++i;
      continue;
    }
    if (c == ')') {
      if (expect_id || --depth < 0) return false;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < v.size() && v[j] != ' ' && v[j] != '(' && v[j] != ')') ++j;
    std::string_view w = v.substr(i, j - i);
    i = j;
    if (w == "AND" || w == "OR" || w == "WITH") {
      if (expect_id) return false;
      expect_id = true;
      continue;
    }
    if (!expect_id) return false;
    for (char ch : w)
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-' && ch != '+' &&
          ch != ':')
        return false;
    expect_id = false;
  }
  return !expect_id && depth == 0;
}

std::string TypeProblem(const std::string& type, std::string_view v) {
  if (type == "url") return Full(0, v) ? "" : "is not a URL";
  if (type == "rfc3339") return Full(1, v) ? "" : "is not an RFC 3339 timestamp";
  if (type == "semver") return Full(2, v) ? "" : "is not a semantic version";
  if (type == "hash") return Full(3, v) ? "" : "is not a git commit hash";
  if (type == "email") return Full(4, v) ? "" : "is not an e-mail address";
  if (type == "spdx") return IsSpdxExpression(v) ? "" : "is not an SPDX license expression";
  if (type == "digest") return Full(5, v) ? "" : "is not a content digest (sha256:...)";
  return {};
}

// Formats the OCI image spec gives its pre-defined annotations.
std::string OciType(std::string_view key) {
  constexpr std::string_view kOci = "org.opencontainers.image.";
  if (key.substr(0, kOci.size()) != kOci) return {};
  std::string_view k = key.substr(kOci.size());
  if (k == "created") return "rfc3339";
  if (k == "url" || k == "documentation" || k == "source") return "url";
  if (k == "licenses") return "spdx";
  if (k == "base.digest") return "digest";
  if (k == "authors" || k == "version" || k == "revision" || k == "vendor" || k == "title" ||
      k == "description" || k == "ref.name" || k == "base.name")
    return "text";
  return {};
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st) return;
  const auto& schema = ctx.config().label_schema;
  for (const rules::LabelEntry& e : rules::ChainLabels(df, *st)) {
    std::string type;
    bool from_schema = false;
    if (auto it = schema.find(e.key); it != schema.end()) {
      type = it->second;
      from_schema = true;
    } else {
      type = OciType(e.key);
    }
    if (type.empty() || !e.value) continue;  // unknown label, or a value set by a build ARG
    const std::string origin = from_schema ? "the label schema" : "the OCI image spec";
    if (e.value->empty()) {
      ctx.Report(e.pair->key_range, "label " + e.key + " is empty");
      continue;
    }
    std::string p = TypeProblem(type, *e.value);
    if (!p.empty())
      ctx.Report(e.pair->value_range, "label " + e.key + " = \"" + *e.value + "\" " + p +
                                          " (" + type + " per " + origin + ")");
  }
}

}  // namespace

extern constinit const Rule kInvalidLabelValue{
    .code = "DF109",
    .name = "invalid-label-value",
    .summary = "Label value is empty or does not match its type",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3051"}, {"hadolint", "DL3052"}, {"hadolint", "DL3053"},
                {"hadolint", "DL3054"}, {"hadolint", "DL3055"}, {"hadolint", "DL3056"},
                {"hadolint", "DL3058"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Checks the labels of the final image (final stage and the stages it builds `FROM`) against their
type and flags empty values:

- the configured `label_schema` types: `url`, `rfc3339`, `semver`, `hash` (git commit),
  `spdx` (license expression), `email`, `text`;
- without configuration, the formats the OCI image spec gives its pre-defined annotations:
  `created` is RFC 3339, `url`/`documentation`/`source` are URLs, `licenses` is an SPDX
  expression, `base.digest` is a digest.

Values that come from a build `ARG` without default are not known and not checked.

## Differences from hadolint
For `spdx` labels shipshape checks the expression's syntax (identifiers joined by `AND`, `OR`,
`WITH`, with parentheses) but carries no copy of the SPDX license list, so a well-formed unknown
identifier such as `not-spdx` passes where hadolint DL3054 reports it.

## Why is this bad
Tools parse these labels: a registry links `source`, a licence scanner parses `licenses`, a
deployment dashboard sorts by `created`. A value in the wrong format is silently ignored or
breaks those tools.

## Example
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.created="yesterday" \
      org.opencontainers.image.licenses="Apache 2"
```

## Use instead
```dockerfile
FROM alpine:3.20
ARG BUILD_DATE
LABEL org.opencontainers.image.created=$BUILD_DATE \
      org.opencontainers.image.licenses="Apache-2.0"
```

## Fix safety
No automatic fix: the right value is not known.

## References
- https://github.com/opencontainers/image-spec/blob/main/annotations.md
- https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/
- hadolint DL3051-DL3056, DL3058
)md",
};

}  // namespace shipshape
