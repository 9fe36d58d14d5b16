// Not applicable: BuildKit's InvalidBaseImagePlatform needs the pulled base image's manifest.
#include "rules/rule.h"

namespace shipshape {

extern constinit const Rule kBaseImagePlatformMismatch{
    .code = "DF900",
    .name = "base-image-platform-mismatch",
    .summary = "Not applicable: the pulled base image's platform differs from the build target",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kNotApplicable,
    .aliases = {{"buildkit", "InvalidBaseImagePlatform"}},
    .docs = R"md(## What it does
Nothing: shipshape lists this BuildKit check so that every entry of the peer catalogue is
accounted for, but does not implement it.

## Why not applicable
BuildKit raises `InvalidBaseImagePlatform` while building, after it has resolved the base image
in a registry and read the platform from the image's manifest. shipshape reads source files only:
it never pulls images, never contacts a registry and never runs anything from the scanned
repository, so it cannot know which platforms an image tag was published for. A guess from the
image name would be wrong for multi-platform images, which are the common case.

## Use instead
Run `docker buildx build --check` (or `docker build --call=check`) in CI for this check. The
Dockerfile-level platform mistakes are covered by shipshape: a constant `FROM --platform`
(DF005, BuildKit `FromPlatformFlagConstDisallowed`) and a redundant
`--platform=$TARGETPLATFORM` (DF006, `RedundantTargetPlatform`).

## References
- BuildKit build checks: `InvalidBaseImagePlatform` (in `linter/ruleset.go`, no doc page)
)md",
};

}  // namespace shipshape
