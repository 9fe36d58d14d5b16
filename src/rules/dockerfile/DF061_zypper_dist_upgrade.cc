// zypper dist-upgrade in a RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "zypper") continue;
      const shell::Word* sub =
          Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kZypper));
      if (!WordIs(sub, {"dist-upgrade", "dup"})) continue;
      Emit(ctx, NameToSubcommand(c, sub),
           "zypper " + std::string(sub->value()) +
               " can move the image to a new distribution release; use an updated base image");
    }
  }
}

}  // namespace

extern constinit const Rule kZypperDistUpgrade{
    .code = "DF061",
    .name = "zypper-dist-upgrade",
    .summary = "zypper dist-upgrade runs during the build",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3035"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `zypper dist-upgrade` / `zypper dup`.

## Why is this bad
A distribution upgrade may replace, add and remove packages wholesale: the result depends on the
day of the build and can differ a lot from the base image the tag names.

## Example
```dockerfile
RUN zypper -n dist-upgrade
```

## Use instead
```dockerfile
FROM opensuse/tumbleweed:latest
RUN zypper -n install curl
```

## Fix safety
No fix.

## References
- hadolint DL3035
)md",
};

}  // namespace shipshape
