// apt-get upgrade / dist-upgrade in a RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "apt-get" && c.name() != "apt") continue;
      const shell::Word* sub = Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet));
      if (!WordIs(sub, {"upgrade", "dist-upgrade", "full-upgrade"})) continue;
      const bool dist = !sub->Is("upgrade");
      Emit(ctx, NameToSubcommand(c, sub),
           dist ? "`" + std::string(c.name()) + " " + std::string(sub->value()) +
                      "` may pull in a new release's packages; rebuild on an updated base image"
                : "`" + std::string(c.name()) +
                      " upgrade` makes the image depend on the day of the build; prefer an "
                      "updated base image");
    }
  }
}

}  // namespace

extern constinit const Rule kAptUpgradeInBuild{
    .code = "DF045",
    .name = "apt-upgrade-in-build",
    .summary = "apt-get upgrade or dist-upgrade runs during the build",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"trivy", "DS-0024"}, {"dockle", "DKL-DI-0003"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `apt-get upgrade`, `apt-get dist-upgrade` and `apt full-upgrade` in `RUN`.

## Why is this bad
`dist-upgrade` may remove packages and install new ones to follow a changed dependency graph;
any upgrade makes the image depend on when it was built rather than on the base image tag, and
doubles the packages in the layers. Updating the base image (a newer tag or digest) patches the
same packages in a reproducible way. Some teams upgrade on purpose to pick up security fixes
between base image releases: then suppress this rule.

## Example
```dockerfile
RUN apt-get update && apt-get dist-upgrade -y
```

## Use instead
```dockerfile
FROM debian:12.7-slim
```

## Fix safety
No fix: removing the upgrade changes which package versions end up in the image.

## References
- Trivy DS-0024; hadolint retired its DL3005 for this (hadolint/hadolint#964)
)md",
};

}  // namespace shipshape
