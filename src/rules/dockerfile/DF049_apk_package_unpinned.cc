// apk add of packages without a version.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {shell::PackageManager::kApk});
      if (!pi) continue;
      std::vector<const shell::Word*> loose;
      for (const shell::Word* w : pi->packages) {
        if (!w->IsStatic()) continue;
        std::string_view v = w->value();
        if (v.find_first_of("=~<>/") != std::string_view::npos || v.ends_with(".apk")) continue;
        loose.push_back(w);
      }
      if (loose.empty()) continue;
      std::string names;
      for (size_t i = 0; i < loose.size() && i < 3; ++i)
        names += (i ? ", " : "") + std::string(loose[i]->value());
      if (loose.size() > 3) names += " and " + std::to_string(loose.size() - 3) + " more";
      Emit(ctx, Span(c, *loose.front(), *loose.back()),
           "apk packages without a pinned version (" + names + "); use `pkg=<version>` or `pkg~<major.minor>`");
    }
  }
}

}  // namespace

extern constinit const Rule kApkPackageUnpinned{
    .code = "DF049",
    .name = "apk-package-unpinned",
    .summary = "apk add of packages without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"hadolint", "DL3018"}, {"kics", "Unpinned Package Version in Apk Add"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `apk add` operands without a version constraint (`=`, `~`, `<`, `>`). `.apk` files, paths,
the `--virtual`/`-t` name and operands built from variables are not flagged.

This rule is opt-in (preview): Alpine removes old package versions from its mirrors, so exact
pins break builds; `~major.minor` pins are the usual compromise.

## Why is this bad
Without a version, what gets installed depends on the day of the build.

## Example
```dockerfile
RUN apk add --no-cache curl
```

## Use instead
```dockerfile
RUN apk add --no-cache curl~8.9
```

## Fix safety
No fix: the right version depends on the Alpine release.

## References
- hadolint DL3018
)md",
};

}  // namespace shipshape
