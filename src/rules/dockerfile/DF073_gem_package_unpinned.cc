// gem install without a version.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {shell::PackageManager::kGem});
      if (!pi || pi->HasFlag('v', {"version"})) continue;
      // Words after `--` are build arguments for native extensions, not gems.
      const shell::Word* end = pi->args.data() + pi->args.size();
      for (const shell::Word& w : pi->args)
        if (w.IsStatic() && w.value() == "--") {
          end = &w;
          break;
        }
      std::vector<const shell::Word*> loose;
      for (const shell::Word* w : pi->packages) {
        if (w >= end) break;
        std::string_view v = w->value();
        if (!w->IsStatic() || v.empty() || v.find(':') != std::string_view::npos ||
            v.ends_with(".gem") || v.find('/') != std::string_view::npos)
          continue;
        loose.push_back(w);
      }
      if (loose.empty()) continue;
      std::string names;
      for (size_t i = 0; i < loose.size() && i < 3; ++i)
        names += (i ? ", " : "") + std::string(loose[i]->value());
      if (loose.size() > 3) names += " and " + std::to_string(loose.size() - 3) + " more";
      Emit(ctx, Span(c, *loose.front(), *loose.back()),
           "gems without a version (" + names + "); use `gem install NAME:VERSION` or `-v VERSION`");
    }
  }
}

}  // namespace

extern constinit const Rule kGemPackageUnpinned{
    .code = "DF073",
    .name = "gem-package-unpinned",
    .summary = "gem install without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3028"}, {"kics", "Gem Install Without Version"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `gem install NAME` without `NAME:VERSION`, `-v`/`--version`. Local `.gem` files,
operands built from variables and build arguments after `--` are not flagged.

## Differences from hadolint
- `gem install bundler:2.0.1 --use-system-libraries true`: hadolint accepts it; shipshape reads
  `true` as a second, unpinned gem. `gem` has no such option (a build argument belongs after
  `--`, where both tools ignore it), so the command is wrong either way.

## Why is this bad
Without a version, a rebuild installs whatever was released last.

## Example
```dockerfile
RUN gem install bundler
```

## Use instead
```dockerfile
RUN gem install bundler:2.5.16
```

## Fix safety
No fix.

## References
- https://guides.rubygems.org/command-reference/#gem-install
- hadolint DL3028
)md",
};

}  // namespace shipshape
