// dnf/microdnf install without clean all in the same RUN.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmClean(df, ctx, {rules::run::RpmTool::kDnf, rules::run::RpmTool::kMicrodnf});
}

}  // namespace

extern constinit const Rule kDnfCacheNotCleaned{
    .code = "DF056",
    .name = "dnf-cache-not-cleaned",
    .summary = "dnf or microdnf install leaves its cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3040"}, {"trivy", "DS-0019"}, {"trivy", "DS-0027"}, {"kics", "Missing Dnf Clean All"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM fedora:40\nRUN dnf install -y httpd\n", .after = "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n"},
    .docs = R"md(## What it does
Flags a `RUN` where `dnf`/`microdnf` install or upgrade is not followed by `dnf clean all`
(`microdnf clean all`) or an `rm` of `/var/cache/dnf` (or `/var/cache/yum`) in the same `RUN`.
A `--mount=type=cache|tmpfs` on the cache directory is accepted, and only stages whose filesystem
reaches the final image are checked. Trivy's DS-0027 is the microdnf half of this rule.

## Differences from hadolint
On hadolint's spec case `microdnf clean all && RUN dnf install -y mariadb-10.4` shipshape reports
nothing under this rule: the line is not a Dockerfile instruction (`microdnf` is not one), so
BuildKit rejects it (DF000) and there is no `RUN` to check.

## Why is this bad
The metadata and package cache is often over a hundred megabytes; cleaning in a later `RUN` does
not shrink the earlier layer.

## Example
```dockerfile
RUN dnf install -y httpd
```

## Use instead
```dockerfile
RUN dnf install -y httpd && dnf clean all
```

## Fix safety
Safe: appends ` && dnf clean all` (or `microdnf clean all`) after the last command of the script.

## References
- hadolint DL3040, Trivy DS-0019 and DS-0027
)md",
};

}  // namespace shipshape
