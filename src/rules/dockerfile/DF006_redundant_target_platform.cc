// FROM --platform=$TARGETPLATFORM, which is the default.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    const dockerfile::Flag* f = st.from ? st.from->FindFlag("platform") : nullptr;
    if (!f) continue;
    std::string_view v = rules::Unquote(f->value);
    if (v != "$TARGETPLATFORM" && v != "${TARGETPLATFORM}") continue;
    uint32_t end = f->range.end;
    while (end < ctx.source().size() && (ctx.source()[end] == ' ' || ctx.source()[end] == '\t'))
      ++end;
    ctx.Report(f->range, "--platform=" + std::string(v) +
                             " is the default platform of every stage; the flag is redundant")
        .WithFix("Remove the redundant --platform flag", Applicability::kSafe,
                 {Edit::Delete({f->range.start, end})});
  }
}

}  // namespace

extern constinit const Rule kRedundantTargetPlatform{
    .code = "DF006",
    .name = "redundant-target-platform",
    .summary = "FROM --platform=$TARGETPLATFORM is redundant",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3065"}, {"buildkit", "RedundantTargetPlatform"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM --platform=$TARGETPLATFORM alpine:3.20\n", .after = "FROM alpine:3.20\n"},
    .docs = R"md(## What it does
Flags `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).

## Why is this bad
Every stage already builds for the target platform. The flag adds noise and suggests, wrongly,
that the stage is special.

## Example
```dockerfile
FROM --platform=$TARGETPLATFORM alpine:3.20
```

## Use instead
```dockerfile
FROM alpine:3.20
```

## Fix safety
Safe: the flag restates the default, so the image is unchanged.

## References
- https://docs.docker.com/reference/build-checks/redundant-target-platform/
- hadolint DL3065
)md",
};

}  // namespace shipshape
