// Container created from an image reference without a digest.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

bool IsHex(std::string_view s) {
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return !s.empty();
}

void Check(const runtime::Container& c, RuleContext& ctx) {
  std::string_view ref = c.image_ref;
  if (ref.empty() || ref.find('@') != std::string_view::npos) return;
  if (ref.rfind("sha256:", 0) == 0 || (ref.size() >= 12 && IsHex(ref))) return;
  std::string problem = "image " + runtime::Quote(ref) +
                        " is not pinned by digest: the tag can be moved to other content, so a "
                        "recreate may run something else";
  if (c.image_id.rfind("sha256:", 0) == 0 && c.image_id.size() >= 19)
    problem += " (this container runs " + c.image_id.substr(0, 19) + "…)";
  runtime::ReportAt(ctx, c, "/Config/Image", std::move(problem),
                    {.run = "recreate it from `<name>:<tag>@sha256:<digest>` (the digest is in "
                            "`docker image inspect --format '{{index .RepoDigests 0}}'`)",
                     .compose = "pin `image:` by digest (`<name>:<tag>@sha256:<digest>`)"});
}

}  // namespace

extern constinit const Rule kImageWithoutDigest{
    .code = "DR014",
    .name = "image-without-digest",
    .summary = "Container created from an image reference without a digest",
    .target = Target::kRuntime,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    // Stable at info severity: `inspect` runs every runtime rule by default (CIS 5.28 is part of
    // the benchmark a runtime audit is measured against); it fires on most containers started
    // from a tag, which is why it is info, not warning.
    .status = Status::kStable,
    .aliases = {{"cis", "5.28"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `Config.Image` has no `@sha256:` digest (and is not an image ID). A
missing or `latest` tag is also DR013.

## Why is this bad
Tags are mutable: whoever can push to the repository can point `1.27` at other content, and a
recreate or a new host pulls it. A digest names exactly one image, so what runs is what was
reviewed and scanned. The message quotes the image ID the container actually runs.

The CIS alias is loose: CIS Docker Benchmark 5.28 asks that containers run the intended, current
version of their image rather than a stale cached one; pinning by digest (and updating the pin
deliberately) is how that is made checkable.

## Example
```json
"Config": {
    "Image": "nginx:1.27"
}
```

## Use instead
```json
"Config": {
    "Image": "nginx:1.27@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"
}
```

## Fix safety
No automatic fix: the running container is not edited, and the digest must come from the registry.

## References
- CIS Docker Benchmark v1.6.0, 5.28 (5.27 in v1.5.0), loosely
- https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier
)md",
};

}  // namespace shipshape
