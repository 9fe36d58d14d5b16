// Images pulled from a registry outside the configured allow-list.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Glob match with `*` (any run of characters), case-insensitive.
bool Glob(std::string_view pat, std::string_view s) {
  size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = i;
    } else if (p < pat.size() && std::tolower(static_cast<unsigned char>(pat[p])) ==
                                     std::tolower(static_cast<unsigned char>(s[i]))) {
      ++p;
      ++i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

bool Trusted(const std::vector<std::string>& trusted, std::string_view registry) {
  for (const std::string& t : trusted) {
    std::string_view pat = t;
    // Docker Hub has several names.
    if (registry == "docker.io" &&
        (pat == "hub.docker.com" || pat == "index.docker.io" || pat == "registry-1.docker.io"))
      return true;
    if (Glob(pat, registry)) return true;
  }
  return false;
}

void CheckImage(std::string_view image, TextRange at, std::string_view where,
                RuleContext& ctx) {
  dockerfile::ImageRef ref = dockerfile::ParseImageRef(image);
  if (ref.has_variable) return;
  const std::string registry = ref.registry.empty() ? "docker.io" : Lower(ref.registry);
  if (Trusted(ctx.config().trusted_registries, registry)) return;
  ctx.Report(at, std::string(where) + " image " + std::string(image) + " comes from registry " +
                     registry + ", which is not in trusted_registries");
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  if (ctx.config().trusted_registries.empty()) return;
  for (const dockerfile::Stage& st : df.stages) {
    if (std::optional<dockerfile::ImageRef> ref = rules::ExternalBase(df, st))
      CheckImage(rules::VarScope(df).Expand(st.base).text, st.base_range, "FROM", ctx);
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      auto check_ref = [&](std::string_view raw, TextRange range, std::string_view where) {
        rules::Expansion e = scope.Expand(raw);
        if (!e.complete || e.text.empty() || rules::IsDigits(e.text)) return;
        // Stage names are not images.
        const std::string lower = Lower(e.text);
        for (const dockerfile::Stage& s : df.stages)
          if (s.name == lower) return;
        if (rules::IsScratch(e.text)) return;
        CheckImage(e.text, range, where, ctx);
      };
      if (ins->kind == dockerfile::Keyword::kCopy || ins->kind == dockerfile::Keyword::kAdd)
        if (const dockerfile::Flag* f = ins->FindFlag("from"))
          check_ref(f->value, f->value_range, Upper(ins->keyword) + " --from");
      for (const dockerfile::Flag& f : ins->flags) {
        if (f.name != "mount") continue;
        std::string_view v = f.value;
        size_t p = 0;
        while (p <= v.size()) {
          size_t c = v.find(',', p);
          if (c == std::string_view::npos) c = v.size();
          std::string_view part = v.substr(p, c - p);
          if (part.substr(0, 5) == "from=") check_ref(part.substr(5), f.value_range, "RUN --mount");
          p = c + 1;
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kUntrustedRegistry{
    .code = "DF004",
    .name = "untrusted-registry",
    .summary = "Image comes from a registry outside the trusted list",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3026"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
When `trusted_registries` is configured (hadolint's `trustedRegistries`), flags images in `FROM`,
`COPY --from=<image>` and `RUN --mount=from=<image>` whose registry is not on the list. Docker Hub
images count as `docker.io`. Entries may use `*` wildcards, e.g. `*.gcr.io`. With an empty list
the rule does nothing. Stage references and `scratch` are never flagged; global `ARG` defaults
are resolved.

## Why is this bad
Organisations mirror and scan approved images in their own registries. A base image from
anywhere else bypasses that review and is a common supply-chain entry point.

## Example
With `trusted_registries: [my-registry.example.com]`:
```dockerfile
FROM quay.io/someone/tool:1.0
```

## Use instead
```dockerfile
FROM my-registry.example.com/mirror/tool:1.0
```

## Fix safety
No automatic fix: the mirrored name is organisation-specific.

## References
- hadolint DL3026
)md",
};

}  // namespace shipshape
