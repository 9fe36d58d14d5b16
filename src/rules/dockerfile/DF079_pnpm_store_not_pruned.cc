// pnpm install leaving its content-addressable store in the layer.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool PrunesStore(const Cmd& c) {
  if (c.name() == "pnpm") {
    std::vector<const shell::Word*> pos = shell::Positionals(c.args());
    return pos.size() >= 2 && pos[0]->Is("store") && pos[1]->Is("prune");
  }
  if (c.name() != "rm") return false;
  for (std::string_view dir : {"/root/.local/share/pnpm", "~/.local/share/pnpm",
                               "$HOME/.local/share/pnpm", "/root/.cache", "~/.cache",
                               "$PNPM_HOME", "${PNPM_HOME}"})
    if (shell::RemovesPath(c.inv(), dir)) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (r->HasDiscardMount("pnpm")) continue;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      auto pi = InstallOf(c, {shell::PackageManager::kPnpm});
      if (!pi || !pi->subcommand || pi->HasFlag(0, {"store-dir", "offline"})) continue;
      if (r->AnyAfter(i, PrunesStore)) break;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           "pnpm keeps its package store in the layer; run `pnpm store prune` or use a cache "
           "mount on the store",
           MakeFix("Append `&& pnpm store prune`", Applicability::kSafe,
                   {AppendToScript(*c.seg, " && pnpm store prune")}));
      break;
    }
  }
}

}  // namespace

extern constinit const Rule kPnpmStoreNotPruned{
    .code = "DF079",
    .name = "pnpm-store-not-pruned",
    .summary = "pnpm install leaves its package store in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20\nRUN pnpm install --frozen-lockfile --prod\n", .after = "FROM node:20\nRUN pnpm install --frozen-lockfile --prod && pnpm store prune\n"},
    .docs = R"md(## What it does
Flags `pnpm install`/`pnpm add` in a `RUN` of a final-image stage without a later
`pnpm store prune` (or `rm` of the store), a cache/tmpfs mount on the store, `--store-dir` or
`--offline`.

## Why is this bad
pnpm hard-links packages from its store (`~/.local/share/pnpm/store`); inside an image layer
the store is an extra copy of everything installed.

## Example
```dockerfile
RUN pnpm install --frozen-lockfile --prod
```

## Use instead
```dockerfile
RUN --mount=type=cache,id=pnpm,target=/root/.local/share/pnpm/store \
    pnpm install --frozen-lockfile --prod
```

## Fix safety
Safe: appends ` && pnpm store prune` after the last command of the script.

## References
- https://pnpm.io/docker
)md",
};

}  // namespace shipshape
