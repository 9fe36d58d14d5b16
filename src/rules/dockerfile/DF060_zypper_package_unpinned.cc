// zypper install of packages without a version.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmUnpinned(df, ctx, {rules::run::RpmTool::kZypper});
}

}  // namespace

extern constinit const Rule kZypperPackageUnpinned{
    .code = "DF060",
    .name = "zypper-package-unpinned",
    .summary = "zypper install of packages without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"hadolint", "DL3037"}, {"kics", "Zypper Install Without Version"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `zypper install` operands without a version (`pkg=1.2`, `pkg>=1.2`). `.rpm` files, paths
and patterns are not flagged. Opt-in (preview).

## Why is this bad
Without a version, what gets installed depends on the day of the build.

## Example
```dockerfile
RUN zypper -n install curl
```

## Use instead
```dockerfile
RUN zypper -n install curl=8.6.0
```

## Fix safety
No fix.

## References
- hadolint DL3037
)md",
};

}  // namespace shipshape
