// apk add without --no-cache.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool ClearsCache(const Cmd& c) {
  if (shell::RemovesPath(c.inv(), "/var/cache/apk") || shell::RemovesPath(c.inv(), "/etc/apk/cache"))
    return true;
  return c.name() == "apk" && shell::IsCacheCleanup(c.inv());
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (r->HasDiscardMount("/var/cache/apk") || r->HasDiscardMount("/etc/apk/cache")) continue;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      auto pi = InstallOf(c, {shell::PackageManager::kApk});
      // --no-network installs from the local cache only and downloads no index.
      if (!pi || !pi->subcommand || pi->HasFlag(0, {"no-cache", "no-network"})) continue;
      if (r->AnyAfter(i, ClearsCache)) continue;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           "apk add without --no-cache keeps the package index in /var/cache/apk",
           MakeFix("Add --no-cache", Applicability::kSafe,
                   {InsertAfter(c, *pi->subcommand, "--no-cache")}));
    }
  }
}

}  // namespace

extern constinit const Rule kApkAddWithoutNoCache{
    .code = "DF050",
    .name = "apk-add-without-no-cache",
    .summary = "apk add keeps its index cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3019"}, {"trivy", "DS-0025"},
                {"kics", "Apk Add Using Local Cache Path"}, {"dockle", "DKL-DI-0004"},
                {"parfum", "apkAddUseNoCache"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nRUN apk add --update curl\n", .after = "FROM alpine:3.20\nRUN apk add --no-cache --update curl\n"},
    .docs = R"md(## What it does
Flags `apk add` without `--no-cache`. Not flagged: a later `rm -rf /var/cache/apk/*` or
`apk cache clean` in the same `RUN`, a `--mount=type=cache|tmpfs` on `/var/cache/apk` (or
`/etc/apk/cache`), and stages whose filesystem does not reach the final image.

## Why is this bad
Without `--no-cache`, apk stores the downloaded `APKINDEX` files under `/var/cache/apk`, a few
megabytes per repository that nothing in the image uses.

## Example
```dockerfile
RUN apk add --update curl
```

## Use instead
```dockerfile
RUN apk add --no-cache curl
```

## Fix safety
Safe: inserts `--no-cache` after `add`. `--no-cache` fetches a fresh index, so a leftover
`--update` becomes redundant but harmless.

## References
- https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper
- hadolint DL3019, Trivy DS-0025
)md",
};

}  // namespace shipshape
