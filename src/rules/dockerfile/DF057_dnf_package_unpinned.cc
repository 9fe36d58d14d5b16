// dnf install of packages without a version.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmUnpinned(df, ctx, {rules::run::RpmTool::kDnf, rules::run::RpmTool::kMicrodnf});
}

}  // namespace

extern constinit const Rule kDnfPackageUnpinned{
    .code = "DF057",
    .name = "dnf-package-unpinned",
    .summary = "dnf or microdnf install of packages without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"hadolint", "DL3041"}, {"kics", "Missing Version Specification In dnf install"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `dnf`/`microdnf install` (also `in`) operands without a version (`name-<version>`), and
`dnf module install` of a module without a stream (`nodejs` rather than `nodejs:18`). Groups,
module streams, `.rpm` files, paths, URLs and operands built from variables are not flagged. Opt-in (preview).

## Why is this bad
Without a version, what gets installed depends on the day of the build.

## Example
```dockerfile
RUN dnf install -y httpd
```

## Use instead
```dockerfile
RUN dnf install -y httpd-2.4.62
```

## Fix safety
No fix.

## References
- hadolint DL3041
)md",
};

}  // namespace shipshape
