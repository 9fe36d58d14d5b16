// FROM image:tag without @sha256 digest.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    std::optional<dockerfile::ImageRef> ref = rules::ExternalBase(df, st);
    // Untagged and `latest` images have their own rules; only flag otherwise-pinned tags.
    if (!ref || ref->tag.empty() || ref->tag == "latest" || !ref->digest.empty()) continue;
    ctx.Report(st.base_range, "FROM " + rules::VarScope(df).Expand(st.base).text +
                                  " is pinned by tag only; tags can be re-pushed, a digest cannot");
  }
}

}  // namespace

extern constinit const Rule kBaseImageWithoutDigest{
    .code = "DF003",
    .name = "base-image-without-digest",
    .summary = "Base image is pinned by tag but not by digest",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `FROM image:tag` without an `@sha256:` digest. Untagged and `:latest` images are left to
DF001 and DF002; scratch and earlier stages are exempt.

## Why is this bad
A tag is a mutable pointer: publishers re-push `3.12-slim` for every patch, and a compromised
registry account can re-push it with anything. A digest names exact bytes, so the build is
reproducible and supply-chain tampering is detected. Tools such as Renovate and Dependabot keep
digests up to date.

## Example
```dockerfile
FROM python:3.12-slim
```

## Use instead
```dockerfile
FROM python:3.12-slim@sha256:<digest of the image you tested>
```

## Fix safety
No automatic fix: the digest must be resolved against the registry.

## References
- https://docs.docker.com/build/building/best-practices/#pin-base-image-versions
)md",
};

}  // namespace shipshape
