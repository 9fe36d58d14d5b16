// yarn install without yarn cache clean in the same RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool CleansYarnCache(const Cmd& c) {
  if (c.name() == "yarn") {
    std::vector<const shell::Word*> pos = shell::Positionals(c.args());
    return !pos.empty() && pos[0]->Is("cache");
  }
  if (c.name() != "rm") return false;
  for (std::string_view dir : {"/usr/local/share/.cache", "/root/.cache", "~/.cache",
                               "$HOME/.cache", "${HOME}/.cache", "/root/.yarn", "~/.yarn",
                               "/home/node/.cache"})
    if (shell::RemovesPath(c.inv(), dir)) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (r->HasDiscardMount("yarn") || r->HasDiscardMount(".cache")) continue;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      auto pi = InstallOf(c, {shell::PackageManager::kYarn});
      if (!pi || pi->HasFlag(0, {"cache-folder"})) continue;
      if (r->AnyAfter(i, CleansYarnCache)) break;
      const shell::Word* sub = pi->subcommand;
      Emit(ctx, NameToSubcommand(c, sub),
           "yarn keeps downloaded packages in its cache; run `yarn cache clean` in the same RUN",
           MakeFix("Append `&& yarn cache clean`", Applicability::kSafe,
                   {AppendToScript(*c.seg, " && yarn cache clean")}));
      break;
    }
  }
}

}  // namespace

extern constinit const Rule kYarnCacheNotCleaned{
    .code = "DF071",
    .name = "yarn-cache-not-cleaned",
    .summary = "yarn install leaves the yarn cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3060"}, {"parfum", "yarnCacheCleanAfterInstall"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20\nRUN yarn install --frozen-lockfile\n", .after = "FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n"},
    .docs = R"md(## What it does
Flags `yarn install`, bare `yarn`, `yarn add` and `yarn global add` in a `RUN` with no
`yarn cache clean` (or `rm` of the cache directory) after it. Not flagged: a cache/tmpfs mount
on the yarn cache, an explicit `--cache-folder`, and stages whose filesystem does not reach the
final image.

## Why is this bad
Yarn (v1) stores every package it downloads under `/usr/local/share/.cache/yarn`: the cache is
about as large as `node_modules` and useless in the image.

## Example
```dockerfile
RUN yarn install --frozen-lockfile
```

## Use instead
```dockerfile
RUN yarn install --frozen-lockfile && yarn cache clean
```

## Fix safety
Safe: appends ` && yarn cache clean` after the last command of the script.

## References
- https://classic.yarnpkg.com/lang/en/docs/cli/cache/
- hadolint DL3060
)md",
};

}  // namespace shipshape
