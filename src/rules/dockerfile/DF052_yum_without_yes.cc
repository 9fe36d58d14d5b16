// yum install/update/remove without -y.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmNonInteractive(df, ctx, {rules::run::RpmTool::kYum});
}

}  // namespace

extern constinit const Rule kYumWithoutYes{
    .code = "DF052",
    .name = "yum-without-yes",
    .summary = "yum changes packages without -y and stops at the prompt",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3030"}, {"kics", "Yum Install Allows Manual Input"}, {"parfum", "yumInstallForceYes"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM centos:7\nRUN yum install httpd\n", .after = "FROM centos:7\nRUN yum install -y httpd\n"},
    .docs = R"md(## What it does
Flags `yum install` (and `groupinstall`, `localinstall`, `update`, `remove`...) without
`-y`/`--assumeyes`. An `assumeyes` setting written to yum's configuration in an earlier `RUN` is
accepted.

## Why is this bad
With no terminal, yum's "Is this ok [y/N]" prompt reads end-of-file and the transaction is
cancelled, failing the build.

## Example
```dockerfile
RUN yum install httpd
```

## Use instead
```dockerfile
RUN yum install -y httpd && yum clean all
```

## Fix safety
Safe: inserts `-y` after the subcommand.

## References
- hadolint DL3030
)md",
};

}  // namespace shipshape
