// FROM --platform with a literal platform.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// The flag and the blanks after it.
TextRange FlagWithTrailingSpace(std::string_view src, const dockerfile::Flag& f) {
  uint32_t end = f.range.end;
  while (end < src.size() && (src[end] == ' ' || src[end] == '\t')) ++end;
  return {f.range.start, end};
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    const dockerfile::Flag* f = st.from ? st.from->FindFlag("platform") : nullptr;
    if (!f || f->value.empty() || f->value.find('$') != std::string::npos) continue;
    const std::string value(rules::Unquote(f->value));
    // BuildKit's exception: a stage named for the platform (`AS build-arm64`) is deliberate.
    const std::string lower = Lower(value);
    size_t s1 = lower.find('/');
    std::string os = lower.substr(0, s1);
    std::string arch;
    if (s1 != std::string::npos) {
      size_t s2 = lower.find('/', s1 + 1);
      arch = lower.substr(s1 + 1, s2 == std::string::npos ? std::string::npos : s2 - s1 - 1);
    }
    if (!st.name.empty() && ((!os.empty() && st.name.find(os) != std::string::npos) ||
                             (!arch.empty() && st.name.find(arch) != std::string::npos)))
      continue;
    ctx.Report(f->range, "FROM --platform=" + value +
                             " hard-codes the platform; builds for other targets get this one "
                             "anyway (use $BUILDPLATFORM for build stages, or drop the flag)")
        .WithFix("Remove --platform=" + value, Applicability::kUnsafe,
                 {Edit::Delete(FlagWithTrailingSpace(ctx.source(), *f))});
  }
}

}  // namespace

extern constinit const Rule kConstantPlatformFlag{
    .code = "DF005",
    .name = "constant-platform-flag",
    .summary = "FROM --platform uses a constant value",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3029"}, {"buildkit", "FromPlatformFlagConstDisallowed"},
                {"kics", "Using Platform Flag with FROM Command"}, {"parfum", "DL3029"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM --platform=linux/amd64 node:22\n", .after = "FROM node:22\n"},
    .docs = R"md(## What it does
Flags `FROM --platform=linux/amd64` and other literal platforms. Values built from variables
(`$BUILDPLATFORM`, `$TARGETPLATFORM`, custom ARGs) are fine, and so is a stage whose name contains
the platform's OS or architecture (`AS build-arm64`), as BuildKit allows.

## Why is this bad
A literal platform defeats multi-platform builds: `docker buildx build --platform linux/arm64`
still produces amd64 binaries for that stage, which then fail at run time with `exec format
error`, or run under slow emulation.

## Example
```dockerfile
FROM --platform=linux/amd64 node:22
```

## Use instead
```dockerfile
FROM node:22
```
or, for a cross-compiling build stage:
```dockerfile
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
```

## Fix safety
Unsafe: removing the flag makes the stage follow the target platform, which changes the image
when you build for another architecture (the intent, but a behaviour change).

## References
- https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/
- hadolint DL3029
)md",
};

}  // namespace shipshape
