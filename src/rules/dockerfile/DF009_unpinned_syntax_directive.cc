// `# syntax=` frontend image without a digest.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Directive* d = df.FindDirective("syntax");
  if (!d || d->value.find('$') != std::string::npos) return;
  dockerfile::ImageRef ref = dockerfile::ParseImageRef(d->value);
  if (!ref.digest.empty()) return;
  std::string msg;
  if (ref.tag.empty() || ref.tag == "latest" || ref.tag == "labs")
    msg = "the syntax directive uses " + d->value +
          " with no version: every build may get a different Dockerfile frontend";
  else
    msg = "the syntax directive " + d->value +
          " is not pinned by digest; the frontend image behind the tag can change";
  // With `check=error=true` a frontend update that adds checks can break the build.
  if (const dockerfile::Directive* c = df.FindDirective("check");
      c && c->value.find("error=true") != std::string::npos)
    msg += " (and check=error=true makes new checks fail the build)";
  ctx.Report(d->value_range, std::move(msg));
}

}  // namespace

extern constinit const Rule kUnpinnedSyntaxDirective{
    .code = "DF009",
    .name = "unpinned-syntax-directive",
    .summary = "The `# syntax=` frontend is not pinned by digest",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags a `# syntax=` parser directive whose frontend image has no `@sha256:` digest, and says so
more strongly when it has no version at all (`docker/dockerfile`, `:latest`, `:labs`).

## Why is this bad
The directive makes BuildKit pull a Dockerfile frontend image for every build. A floating tag
changes the parser and the build checks under you; with `# check=error=true` a new check in a new
frontend release can fail builds that passed yesterday. Docker's documentation recommends pinning
the frontend in that case.

## Example
```dockerfile
# syntax=docker/dockerfile:1
FROM alpine:3.20
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1.10@sha256:<digest>
FROM alpine:3.20
```

## Fix safety
No automatic fix: the digest must be resolved against the registry.

## References
- https://docs.docker.com/reference/dockerfile/#syntax
- https://docs.docker.com/build/checks/#fail-build-on-check-violations
)md",
};

}  // namespace shipshape
