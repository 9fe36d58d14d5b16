// Container created from an image by `latest` (or no) tag.
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
  if (ref.empty()) return;
  // Created from an image ID or a digest: the content is fixed whatever the tag says.
  if (ref.rfind("sha256:", 0) == 0 || (ref.size() >= 12 && IsHex(ref))) return;
  if (ref.find('@') != std::string_view::npos) return;
  const size_t slash = ref.rfind('/');
  const size_t colon = ref.rfind(':');
  const bool has_tag =
      colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash);
  const std::string_view tag = has_tag ? ref.substr(colon + 1) : std::string_view();
  if (has_tag && tag != "latest") return;
  const std::string_view repo = has_tag ? ref.substr(0, colon) : ref;
  std::string problem = has_tag
                            ? "image " + runtime::Quote(ref) + " uses the `latest` tag"
                            : "image " + runtime::Quote(ref) + " has no tag, so it means `latest`";
  problem +=
      ": which version runs depends on when it was pulled, and a recreate may silently "
      "upgrade it";
  runtime::ReportAt(
      ctx, c, "/Config/Image", std::move(problem),
      {.run = "recreate it from a version tag, e.g. `" + std::string(repo) + ":<version>`",
       .compose = "pin `image:` to a version tag (or a digest)"});
}

}  // namespace

extern constinit const Rule kImageLatestTag{
    .code = "DR013",
    .name = "image-latest-tag",
    .summary = "Container created from an image by the latest (or no) tag",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `Config.Image` (the reference it was created from) has no tag or the tag
`latest`, and no digest.

## Why is this bad
`latest` is just the tag pushed last. Two hosts, or the same host before and after a `pull`, run
different code under the same name; a `docker compose up` after a pull silently upgrades, and a
rollback has nothing to go back to. References with a digest (`name@sha256:…`) or created from an
image ID are fixed and not flagged.

## Example
```json
"Config": {
    "Image": "nginx"
}
```

## Use instead
```json
"Config": {
    "Image": "nginx:1.27.3"
}
```

## Fix safety
No automatic fix: the running container is not edited, and choosing a version is a decision.

## References
- https://docs.docker.com/reference/cli/docker/image/tag/
- hadolint DL3007 (the Dockerfile `FROM` counterpart)
)md",
};

}  // namespace shipshape
