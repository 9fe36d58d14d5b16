// FROM image:latest.
#include "dockerfile/dockerfile.h"
#include "rules/pins.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    std::optional<dockerfile::ImageRef> ref = rules::ExternalBase(df, st);
    // A digest pins the content whatever the tag says (hadolint agrees).
    if (!ref || ref->tag != "latest" || !ref->digest.empty()) continue;
    DiagnosticBuilder b = ctx.Report(st.base_range, "FROM " + rules::VarScope(df).Expand(st.base).text +
                                                        " uses the moving `latest` tag; pin a version");
    rules::PinBase(st, *ref, ctx, b);
  }
}

}  // namespace

extern constinit const Rule kLatestBaseImageTag{
    .code = "DF002",
    .name = "latest-base-image-tag",
    .summary = "Base image uses the `latest` tag",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3007"}, {"trivy", "DS-0001"}, {"checkov", "CKV_DOCKER_7"},
                {"kics", "Image Version Using 'latest'"}, {"dockle", "DKL-DI-0006"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:latest\n", .after = "FROM node:22\n"},
    .docs = R"md(## What it does
Flags `FROM image:latest` (also through a global `ARG` default), unless a digest is given too.

## Why is this bad
`latest` is just the tag a publisher moved most recently. Builds stop being reproducible, and a
rebuild can silently switch major versions of the OS or runtime.

## Example
```dockerfile
FROM node:latest
```

## Use instead
```dockerfile
FROM node:22.11-bookworm-slim
```

## Fix safety
Unsafe, and only for images with a pin (`image-pins:` in `.shipshape.yaml`, else shipshape's table
of long-supported release lines, data/image-pins.json): `FROM node:latest` becomes
`FROM node:22`. That may be an older or newer release than `latest` today, so the build changes;
review it. A tag coming from an `ARG` is left alone.

## References
- https://docs.docker.com/build/building/best-practices/#from
- hadolint DL3007, Trivy DS-0001, Checkov CKV_DOCKER_7
)md",
};

}  // namespace shipshape
