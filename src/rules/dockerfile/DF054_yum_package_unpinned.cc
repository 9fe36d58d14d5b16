// yum install of packages without a version.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmUnpinned(df, ctx, {rules::run::RpmTool::kYum});
}

}  // namespace

extern constinit const Rule kYumPackageUnpinned{
    .code = "DF054",
    .name = "yum-package-unpinned",
    .summary = "yum install of packages without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"hadolint", "DL3033"}, {"kics", "Yum install Without Version"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `yum install` operands without a version (`name-<version>`). Groups (`@x`), module
streams (`name:stream`), `.rpm` files, paths and URLs are not flagged. Opt-in (preview).

## Why is this bad
Without a version, what gets installed depends on the day of the build.

## Example
```dockerfile
RUN yum install -y httpd
```

## Use instead
```dockerfile
RUN yum install -y httpd-2.4.6
```

## Fix safety
No fix: the right version depends on the repositories.

## References
- hadolint DL3033
)md",
};

}  // namespace shipshape
