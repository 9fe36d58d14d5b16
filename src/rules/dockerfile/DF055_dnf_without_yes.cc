// dnf/microdnf install without -y.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmNonInteractive(df, ctx, {rules::run::RpmTool::kDnf, rules::run::RpmTool::kMicrodnf});
}

}  // namespace

extern constinit const Rule kDnfWithoutYes{
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
    .fix_example = {.before = "FROM fedora:40\nRUN dnf install httpd\n", .after = "FROM fedora:40\nRUN dnf install -y httpd\n"},
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
};

}  // namespace shipshape
