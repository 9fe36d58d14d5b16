// dnf/microdnf install without -y.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmNonInteractive(df, ctx, {rules::run::RpmTool::kDnf, rules::run::RpmTool::kMicrodnf});
}

}  // namespace

extern const Rule kDnfWithoutYes{
    .code = "DF055",
    .name = "dnf-without-yes",
    .summary = "dnf or microdnf changes packages without -y",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3038"}, {"kics", "Missing Flag From Dnf Install"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `dnf` (also `dnf5`, `tdnf`) and `microdnf` install/upgrade/remove without
`-y`/`--assumeyes`, including dnf's short verbs (`in`, `rei`, `up`, `up-min`, `dsync`, `dg`,
`rm`).

## Why is this bad
With no terminal the confirmation prompt reads end-of-file and the transaction is cancelled.

## Example
```dockerfile
RUN dnf install httpd
```

## Use instead
```dockerfile
RUN dnf install -y httpd && dnf clean all
```

## Fix safety
Safe: inserts `-y` after the subcommand.

## References
- hadolint DL3038
)md",
    .cases = {Bad("FROM fedora:40\nRUN dnf install httpd\n",
                  "FROM fedora:40\nRUN dnf install -y httpd\n"),
              Bad("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install shadow-utils\n",
                  "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils\n"),
              Bad("FROM fedora:40\nRUN dnf module install nodejs:18\n",
                  "FROM fedora:40\nRUN dnf module -y install nodejs:18\n"),
              Bad("FROM fedora:40\nRUN dnf in httpd\n", "FROM fedora:40\nRUN dnf in -y httpd\n"),
              Bad("FROM fedora:40\nRUN dnf up-min\n", "FROM fedora:40\nRUN dnf up-min -y\n"),
              Bad("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf rei tar\n",
                  "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf rei -y tar\n"),
              Good("FROM fedora:40\nRUN dnf up -y\n"),
              Good("FROM fedora:40\nRUN dnf install -y httpd\n"),
              Good("FROM fedora:40\nRUN dnf -y upgrade\n"),
              Good("FROM fedora:40\nRUN dnf clean all\n")},
};

}  // namespace shipshape
