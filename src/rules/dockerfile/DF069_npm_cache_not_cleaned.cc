// npm install/ci without cleaning the npm cache in the same RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool CleansNpmCache(const Cmd& c) {
  if (c.name() == "npm") {
    std::vector<const shell::Word*> pos = shell::Positionals(c.args());
    return pos.size() >= 2 && pos[0]->Is("cache") && WordIs(pos[1], {"clean", "rm", "clear"});
  }
  if (c.name() != "rm") return false;
  for (std::string_view dir : {"/root/.npm", "~/.npm", "$HOME/.npm", "${HOME}/.npm",
                               "/root/.cache", "/home/node/.npm"})
    if (shell::RemovesPath(c.inv(), dir)) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (r->HasDiscardMount(".npm") || r->HasDiscardMount("/root/.cache")) continue;
    if (an.EnvAt(r->ins, "npm_config_cache") || an.EnvAt(r->ins, "NPM_CONFIG_CACHE")) continue;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      auto pi = InstallOf(c, {shell::PackageManager::kNpm});
      if (!pi || !pi->subcommand || pi->HasFlag(0, {"cache"})) continue;
      if (r->AnyAfter(i, CleansNpmCache)) break;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           "npm keeps every downloaded tarball in ~/.npm; run `npm cache clean --force` in the "
           "same RUN or use a cache mount",
           MakeFix("Append `&& npm cache clean --force`", Applicability::kSafe,
                   {AppendToScript(*c.seg, " && npm cache clean --force")}));
      break;  // one finding per RUN
    }
  }
}

}  // namespace

extern constinit const Rule kNpmCacheNotCleaned{
    .code = "DF069",
    .name = "npm-cache-not-cleaned",
    .summary = "npm install/ci leaves the npm cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"parfum", "npmCacheCleanAfterInstall"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20\nRUN npm ci --omit=dev\n", .after = "FROM node:20\nRUN npm ci --omit=dev && npm cache clean --force\n"},
    .docs = R"md(## What it does
Flags `npm install`/`npm ci` in a `RUN` that does not clean npm's cache afterwards
(`npm cache clean --force`, or `rm -rf ~/.npm`). Not flagged: a `--mount=type=cache|tmpfs` on
`~/.npm`, an explicit `--cache` or `npm_config_cache`, and stages whose filesystem does not
reach the final image (the usual multi-stage build that copies `node_modules` out).

## Why is this bad
npm keeps a copy of every downloaded package tarball under `~/.npm/_cacache`, often as large as
`node_modules` itself.

## Example
```dockerfile
RUN npm ci --omit=dev
```

## Use instead
```dockerfile
RUN npm ci --omit=dev && npm cache clean --force
```
or `RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev`.

## Fix safety
Safe: appends ` && npm cache clean --force` after the last command of the script.

## References
- https://docs.npmjs.com/cli/commands/npm-cache
- Parfum npmCacheCleanAfterInstall
)md",
};

}  // namespace shipshape
