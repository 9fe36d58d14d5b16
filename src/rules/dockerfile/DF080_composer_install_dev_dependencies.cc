// composer install without --no-dev in the final image.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (r->onbuild || r->stage == nullptr || !r->stage->is_final) continue;
    // Stages meant for development or tests want the dev dependencies.
    const std::string& stage = r->stage->name;
    if (stage.find("dev") != std::string::npos || stage.find("test") != std::string::npos ||
        stage.find("ci") == 0)
      continue;
    if (auto v = an.EnvAt(r->ins, "COMPOSER_NO_DEV"); v && Truthy(*v)) continue;
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {shell::PackageManager::kComposer});
      if (!pi || !WordIs(pi->subcommand, {"install"}) || pi->HasFlag(0, {"no-dev"})) continue;
      if (auto v = AssignedIn(c, "COMPOSER_NO_DEV"); v && Truthy(*v)) continue;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           "composer install without --no-dev puts development dependencies in the final image",
           MakeFix("Add --no-dev", Applicability::kDisplayOnly,
                   {InsertAfter(c, *pi->subcommand, "--no-dev")}));
    }
  }
}

}  // namespace

extern constinit const Rule kComposerInstallDevDependencies{
    .code = "DF080",
    .name = "composer-install-dev-dependencies",
    .summary = "composer install puts dev dependencies into the final image",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `composer install` without `--no-dev` (or `COMPOSER_NO_DEV=1`) in the final stage. Stages
named like `dev`, `test` or `ci` are not flagged.

## Why is this bad
Development dependencies (test frameworks, debug bars, code generators) bloat the production
image and widen its attack surface; some expose debug endpoints when present.

## Example
```dockerfile
RUN composer install --optimize-autoloader
```

## Use instead
```dockerfile
RUN composer install --no-dev --optimize-autoloader
```

## Fix safety
Suggestion only (`--no-dev` is shown, never applied): the image may really need a dev package.

## References
- https://getcomposer.org/doc/03-cli.md#install-i
)md",
};

}  // namespace shipshape
