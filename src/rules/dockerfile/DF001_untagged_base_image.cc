// FROM an image without a tag or digest.
#include "dockerfile/dockerfile.h"
#include "rules/pins.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    // Scratch, earlier stages and ARG-supplied references without a default are exempt.
    std::optional<dockerfile::ImageRef> ref = rules::ExternalBase(df, st);
    if (!ref || !ref->tag.empty() || !ref->digest.empty()) continue;
    const std::string image = rules::VarScope(df).Expand(st.base).text;
    DiagnosticBuilder b = ctx.Report(st.base_range, "FROM " + image +
                                                        " has no tag or digest: every build takes whatever "
                                                        "`latest` points to that day");
    rules::PinBase(st, *ref, ctx, b);
  }
}

}  // namespace

extern constinit const Rule kUntaggedBaseImage{
    .code = "DF001",
    .name = "untagged-base-image",
    .summary = "Base image has no tag or digest",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3006"}, {"trivy", "DS-0001"}, {"checkov", "CKV_DOCKER_7"},
                {"kics", "Image Version Not Explicit"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine\nRUN echo hi\n", .after = "FROM alpine:3.22\nRUN echo hi\n"},
    .docs = R"md(## What it does
Flags `FROM` lines whose image has neither a `:tag` nor an `@sha256:` digest.

`scratch`, references to earlier stages, and `FROM $IMAGE` where the global `ARG IMAGE` has no
default are not flagged. When the `ARG` has a default, the default is checked.

## Why is this bad
An untagged image means `:latest`, which moves. Two builds of the same commit can get different
operating systems, language runtimes or libraries, and a rebuild to patch one CVE can pull in an
unrelated major upgrade.

## Example
```dockerfile
FROM python
```

## Use instead
```dockerfile
FROM python:3.12-slim-bookworm
```

## Fix safety
Unsafe, and only for images with a pin: `image-pins:` in `.shipshape.yaml`, else shipshape's
table of long-supported release lines (`alpine` -> `3.22`, `ubuntu` -> `24.04`, `node` -> `22`,
...; data/image-pins.json). The pinned tag may be older or newer than what
`latest` gives today, so the build changes; review it. Images that keep data (`FROM postgres`,
`mysql`, `redis`... the table's `stateful` list) are only given a suggestion from the built-in
table (display-only): a database whose data directory a newer major initialised does not start
on an older one; a pin in `image-pins:` applies. Other images, and references built from
`ARG`s, are left for a human: a tag is never guessed.

## References
- https://docs.docker.com/build/building/best-practices/#from
- hadolint DL3006, Trivy DS-0001, Checkov CKV_DOCKER_7
)md",
};

}  // namespace shipshape
