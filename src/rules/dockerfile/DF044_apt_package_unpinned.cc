// apt-get install of packages without a version.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using shell::PackageManager;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {PackageManager::kAptGet, PackageManager::kApt});
      if (!pi) continue;
      // -t/--target-release pins a release for every package.
      if (pi->HasFlag('t', {"target-release", "default-release"})) continue;
      std::vector<const shell::Word*> loose;
      for (const shell::Word* w : pi->packages) {
        if (!w->IsStatic()) continue;  // $PACKAGES: unknown
        std::string_view v = w->value();
        // pkg=1.2, pkg/bookworm-backports, ./local.deb, /tmp/x.deb
        if (v.find('=') != std::string_view::npos || v.find('/') != std::string_view::npos ||
            v.ends_with(".deb"))
          continue;
        loose.push_back(w);
      }
      if (loose.empty()) continue;
      std::string names;
      for (size_t i = 0; i < loose.size() && i < 3; ++i)
        names += (i ? ", " : "") + std::string(loose[i]->value());
      if (loose.size() > 3) names += " and " + std::to_string(loose.size() - 3) + " more";
      Emit(ctx, Span(c, *loose.front(), *loose.back()),
           "apt packages without a pinned version (" + names + "); use `pkg=<version>`");
    }
  }
}

}  // namespace

extern constinit const Rule kAptPackageUnpinned{
    .code = "DF044",
    .name = "apt-package-unpinned",
    .summary = "apt-get install of packages without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"hadolint", "DL3008"}, {"kics", "Apt Get Install Pin Version Not Defined"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `apt-get install` operands without `=version`. Local `.deb` files, `pkg/release` operands,
installs with `-t`/`--target-release` and operands built from variables are not flagged.

This rule is opt-in (preview): pinning Debian packages trades reproducibility for builds that
break when the archive drops the pinned version.

## Why is this bad
Without a version, what gets installed depends on the day of the build; two builds of one commit
can differ.

## Example
```dockerfile
RUN apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
```

## Fix safety
No fix: the right version depends on the base image's distribution and the day.

## References
- hadolint DL3008
)md",
};

}  // namespace shipshape
