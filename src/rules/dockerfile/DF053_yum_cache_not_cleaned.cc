// yum install without yum clean all in the same RUN.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmClean(df, ctx, {rules::run::RpmTool::kYum});
}

}  // namespace

extern constinit const Rule kYumCacheNotCleaned{
    .code = "DF053",
    .name = "yum-cache-not-cleaned",
    .summary = "yum install leaves its package cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3032"}, {"trivy", "DS-0015"}, {"kics", "Yum Clean All Missing"}, {"parfum", "yumInstallRmVarCacheYum"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM centos:7\nRUN yum install -y httpd\n", .after = "FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n"},
    .docs = R"md(## What it does
Flags a `RUN` where `yum install` (or update, groupinstall...) is not followed by `yum clean all`
or an `rm` of `/var/cache/yum` in the same `RUN`. A `--mount=type=cache|tmpfs` on `/var/cache/yum`
is accepted too (hadolint does not accept it; the cache then never reaches the layer). Only
stages whose filesystem reaches the final image are checked.

## Why is this bad
yum keeps repository metadata and downloaded packages under `/var/cache/yum`: often over a hundred
megabytes that nothing in the image uses. Cleaning in a later `RUN` does not shrink the earlier
layer.

## Example
```dockerfile
RUN yum install -y httpd
```

## Use instead
```dockerfile
RUN yum install -y httpd && yum clean all
```

## Fix safety
Safe: appends ` && rm -rf /var/cache/yum` after the last command of the script when the stage's
base image runs yum 3 (CentOS, Oracle Linux or Scientific Linux 6/7, Amazon Linux 1/2, UBI 7),
which keeps its whole cache there (Parfum makes the same repair); elsewhere ` && yum clean all`,
because on EL 8 and later `yum` is dnf and caches under `/var/cache/dnf`.

## References
- hadolint DL3032, Trivy DS-0015
)md",
};

}  // namespace shipshape
