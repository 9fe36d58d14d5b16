// An image pulled from a registry the configuration does not trust.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

// `entry` is a registry host (globs allowed: `*.gcr.io`) or a registry plus path prefix
// (`ghcr.io/myorg`, `docker.io/library`).
bool Trusted(const compose::ImageRef& ref, std::string_view entry) {
  std::string e = Lower(entry);
  while (!e.empty() && e.back() == '/') e.pop_back();
  if (e.empty()) return false;
  const std::string registry = ref.registry.empty() ? "docker.io" : ref.registry;
  std::string path = ref.repository;
  if (ref.registry.empty() && path.find('/') == std::string::npos) path = "library/" + path;
  const std::string full = registry + "/" + Lower(path);
  const size_t slash = e.find('/');
  std::string host = slash == std::string::npos ? e : e.substr(0, slash);
  if (host == "index.docker.io" || host == "registry-1.docker.io" || host == "hub.docker.com") host = "docker.io";
  if (slash == std::string::npos) return compose::GlobMatch(host, registry);
  const std::string prefix = host + e.substr(slash);
  return compose::GlobMatch(prefix, full) || compose::GlobMatch(prefix + "/*", full);
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  const std::vector<std::string>& trusted = ctx.config().trusted_registries;
  if (trusted.empty()) return;
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::Value& image = s.image;
    if (!image.present() || image.source != 0 || crules::IsBuilt(f, s)) continue;
    if (!image.known || image.text.empty()) continue;
    const compose::ImageRef ref = compose::ParseImageRef(image.text);
    if (ref.repository.empty()) continue;
    bool ok = false;
    for (const std::string& t : trusted) ok = ok || Trusted(ref, t);
    if (ok) continue;
    once.Report(ctx, f, &s, image.range,
                "image `" + image.text + "` comes from `" +
                    (ref.registry.empty() ? std::string("docker.io") : ref.registry) +
                    "`, which is not in `trusted_registries`");
  }
}

}  // namespace

extern constinit const Rule kImageUntrustedRegistry{
    .code = "DC004",
    .name = "image-untrusted-registry",
    .summary = "Image from a registry that is not in `trusted_registries`",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "4.2"}},
    .check_compose = Check,
    .docs = R"md(## What it does
When the configuration lists `trusted_registries`, flags every pulled image whose registry (or
registry path) is not on the list. Entries are registry hosts, with `*` globs (`*.gcr.io`), or a
host with a path prefix (`ghcr.io/myorg`, `docker.io/library` for Docker Official Images only).
Images without a registry are Docker Hub (`docker.io`). With an empty list nothing is reported.

## Why is this bad
CIS Docker Benchmark 4.2 asks that images come only from trusted sources. An image from an
unexpected registry bypasses the scanning, signing and mirroring an organisation relies on, and a
typo-squatted namespace is an easy way to run someone else's code.

## Example
```yaml
# .shipshape.yaml: trusted_registries: [registry.corp.example]
services:
  web:
    image: randomuser/nginx:1.27
```

## Use instead
```yaml
services:
  web:
    image: registry.corp.example/mirror/nginx:1.27
```

## Fix safety
No automatic fix: the trusted copy of an image has to exist first.

## References
- CIS Docker Benchmark v1.6.0, 4.2
- https://docs.docker.com/reference/compose-file/services/#image
)md",
};

}  // namespace shipshape
