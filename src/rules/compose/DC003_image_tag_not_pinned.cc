// An image pulled without a tag, or with a tag that moves (`latest`, `stable`, `lts`...).
#include "rules/compose/compose_util.h"
#include "rules/pins.h"

namespace shipshape {
namespace {

bool MovingTag(std::string_view tag) {
  static const std::string_view kMoving[] = {"latest", "stable", "edge", "nightly", "dev",  "canary",
                                             "beta",   "lts",    "main", "master",  "current", "rolling"};
  const std::string t = Lower(tag);
  for (std::string_view m : kMoving)
    if (t == m) return true;
  return false;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::Value& image = s.image;
    if (!image.present() || image.source != 0) continue;
    // With `build:`, `image:` names the image Compose builds and tags locally.
    if (crules::IsBuilt(f, s)) continue;
    if (!image.known || image.text.empty()) continue;  // unknown: neither pass nor fail
    const compose::ImageRef ref = compose::ParseImageRef(image.text);
    if (!ref.digest.empty() || ref.repository.empty()) continue;
    std::string msg;
    if (ref.tag.empty()) {
      msg = "image `" + image.text + "` has no tag: Compose pulls `latest`, so every pull may bring a "
            "different version";
    } else if (MovingTag(ref.tag)) {
      msg = "image `" + image.text + "` uses the moving tag `" + ref.tag + "`";
      if (image.raw != image.text) msg += " (`" + image.raw + "` falls back to it)";
      msg += ": every pull may bring a different version; pin a version or a digest";
    } else {
      continue;
    }
    std::optional<DiagnosticBuilder> b = once.Report(ctx, f, &s, image.range, std::move(msg));
    if (!b || (!ref.tag.empty() && ref.tag != "latest")) continue;
    const std::string repo = ref.FullName();
    const std::optional<std::string> tag = rules::PinFor(ctx.config(), repo);
    if (!tag) continue;
    if (std::optional<Edit> e = rules::PinEdit(ctx.source(), image.range, *tag))
      b->WithFix(rules::PinFix(ctx.config(), repo, *tag, *e));
  }
}

}  // namespace

extern constinit const Rule kImageTagNotPinned{
    .code = "DC003",
    .name = "image-tag-not-pinned",
    .summary = "Image without a tag or with a moving tag such as `latest`",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"dclint", "service-image-require-explicit-tag"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  web:\n    image: httpd\n", .after = "services:\n  web:\n    image: httpd:2.4\n"},
    .docs = R"md(## What it does
Flags a service `image:` without a tag (`nginx`), or with a tag that is moved to new releases
(`latest`, `stable`, `edge`, `nightly`, `dev`, `canary`, `beta`, `lts`, `main`, `master`, `current`,
`rolling`). A default that falls back to such a tag (`nginx:${TAG:-latest}`) is flagged too when
the variable is not set. Images pinned by digest pass. Services with `build:` are skipped: there
`image:` is the name Compose gives the image it builds.

## Why is this bad
The same file deploys different software on different days and machines. A `docker compose pull`
can bring a new major version (a database whose data format changed) without any change in Git,
and a rollback to "the previous version" is impossible because nobody knows which one ran.

## Example
```yaml
services:
  db:
    image: postgres
  cache:
    image: redis:latest
```

## Use instead
```yaml
services:
  db:
    image: postgres:16.4
  cache:
    image: redis:7.4@sha256:<digest>
```

## Fix safety
Unsafe, and only for an untagged or `latest` image that has a pin: `image-pins:` in
`.shipshape.yaml`, else shipshape's table of long-supported release lines (`alpine` -> `3.22`,
`node` -> `22`, `httpd` -> `2.4`, ...; data/image-pins.json). The pinned release may differ
from what `latest` pulls today. Images that keep data (the table's `stateful` list: postgres,
mysql, mariadb, mongo, redis, elasticsearch...) are never pinned from the built-in table: a tag
older than what runs cannot open a data directory a newer major initialised, so the pin is only
suggested (display-only) with the advice to pin what runs now; a pin in `image-pins:` applies. Other
moving tags (`lts`, `stable`...), interpolated references and images without a pin are left for a
human: a tag is never guessed.

## References
- https://docs.docker.com/reference/compose-file/services/#image
- dclint `service-image-require-explicit-tag`
)md",
};

}  // namespace shipshape
