// zypper without -n / -y.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmNonInteractive(df, ctx, {rules::run::RpmTool::kZypper});
}

}  // namespace

extern constinit const Rule kZypperWithoutNonInteractive{
    .code = "DF058",
    .name = "zypper-without-non-interactive",
    .summary = "zypper changes packages without --non-interactive or -y",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3034"}, {"kics", "Missing Zypper Non-interactive Switch"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM opensuse/leap:15.6\nRUN zypper install curl\n", .after = "FROM opensuse/leap:15.6\nRUN zypper install -y curl\n"},
    .docs = R"md(## What it does
Flags `zypper install`/`remove`/`update`/`patch`/`dist-upgrade`/`source-install` without the
global `-n`/`--non-interactive` or the command's `-y`/`--no-confirm`.

## Why is this bad
With no terminal, zypper's prompt fails the build.

## Example
```dockerfile
RUN zypper install curl
```

## Use instead
```dockerfile
RUN zypper --non-interactive install curl && zypper clean --all
```

## Fix safety
Safe: inserts `-y` after the subcommand.

## References
- hadolint DL3034
)md",
};

}  // namespace shipshape
