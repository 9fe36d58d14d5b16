// npm cache clean without --force.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "npm") continue;
      std::vector<const shell::Word*> pos = shell::Positionals(c.args());
      if (pos.size() < 2 || !pos[0]->Is("cache") || !pos[1]->Is("clean")) continue;
      if (shell::HasFlag(c.args(), 'f', {"force"})) continue;
      Emit(ctx, Span(c, c.inv().name_word(), *pos[1]),
           "`npm cache clean` without --force fails on npm 5 and later",
           MakeFix("Add --force", Applicability::kSafe, {InsertAfter(c, *pos[1], "--force")}));
    }
  }
}

}  // namespace

extern constinit const Rule kNpmCacheCleanWithoutForce{
    .code = "DF070",
    .name = "npm-cache-clean-without-force",
    .summary = "npm cache clean without --force fails on current npm",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"parfum", "npmCacheCleanUseForce"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20\nRUN npm ci && npm cache clean\n", .after = "FROM node:20\nRUN npm ci && npm cache clean --force\n"},
    .docs = R"md(## What it does
Flags `npm cache clean` without `--force`.

## Why is this bad
Since npm 5 the cache is self-healing and `npm cache clean` refuses to run without `--force`,
exiting with an error: the `RUN` fails (or, after `|| true`, silently keeps the cache).

## Example
```dockerfile
RUN npm ci && npm cache clean
```

## Use instead
```dockerfile
RUN npm ci && npm cache clean --force
```

## Fix safety
Safe: inserts `--force` after `clean`.

## References
- https://docs.npmjs.com/cli/commands/npm-cache
- Parfum npmCacheCleanUseForce
)md",
};

}  // namespace shipshape
