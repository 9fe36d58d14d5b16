// zypper install without zypper clean in the same RUN.
#include "rules/dockerfile/rpm_checks.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  rules::run::CheckRpmClean(df, ctx, {rules::run::RpmTool::kZypper});
}

}  // namespace

extern constinit const Rule kZypperCacheNotCleaned{
    .code = "DF059",
    .name = "zypper-cache-not-cleaned",
    .summary = "zypper install leaves its cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3036"}, {"trivy", "DS-0020"}, {"kics", "Missing Zypper Clean"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM opensuse/leap:15.6\nRUN zypper -n install curl\n", .after = "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n"},
    .docs = R"md(## What it does
Flags a `RUN` where `zypper install`/`update`/`patch` is not followed by `zypper clean` (`cc`)
or an `rm` of `/var/cache/zypp` in the same `RUN`. A cache/tmpfs mount on `/var/cache/zypp` is
accepted; only stages whose filesystem reaches the final image are checked.

## Why is this bad
The repository metadata and packages stay in the layer.

## Example
```dockerfile
RUN zypper -n install curl
```

## Use instead
```dockerfile
RUN zypper -n install curl && zypper clean --all
```

## Fix safety
Safe: appends ` && zypper clean --all` after the last command of the script.

## References
- hadolint DL3036, Trivy DS-0020
)md",
};

}  // namespace shipshape
