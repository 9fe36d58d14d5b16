// `apt` (the interactive front-end) used in RUN instead of apt-get.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "apt") continue;
      const shell::Word& name = c.inv().name_word();
      const shell::Word* sub = Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kApt));
      // Subcommands apt-get has with the same meaning; `upgrade` differs (apt also installs new
      // dependencies); list/search/show belong to apt-cache.
      std::optional<Fix> fix;
      Applicability a = Applicability::kSafe;
      bool same = WordIs(sub, {"install", "update", "remove", "purge", "autoremove", "clean",
                               "autoclean", "build-dep", "source", "download", "check",
                               "satisfy", "changelog", "dist-upgrade"});
      if (WordIs(sub, {"upgrade"})) {
        same = true;
        a = Applicability::kUnsafe;
      }
      if (same && c.seg->fixable && c.seg->Exact(name) && name.raw.ends_with("apt"))
        fix = MakeFix("Use apt-get", a, {Edit::Insert(c.Range(name).end, "-get")});
      Emit(ctx, NameToSubcommand(c, sub),
           "`apt` is meant for terminals and its CLI is not stable; use `apt-get` in scripts",
           std::move(fix));
    }
  }
}

}  // namespace

extern constinit const Rule kAptInScript{
    .code = "DF043",
    .name = "apt-in-script",
    .summary = "The interactive `apt` front-end is used in RUN instead of apt-get",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3027"}, {"checkov", "CKV_DOCKER_9"}, {"kics", "Run Using apt"},
                {"parfum", "DL3027"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt update && apt install -y curl\n", .after = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"},
    .docs = R"md(## What it does
Flags `apt` commands in `RUN`.

## Why is this bad
`apt` is the front-end for people at a terminal. Its output and behaviour may change between
releases and it warns "apt does not have a stable CLI interface. Use with caution in scripts".
`apt-get` and `apt-cache` are the stable, scriptable tools.

## Example
```dockerfile
RUN apt update && apt install -y curl
```

## Use instead
```dockerfile
RUN apt-get update && apt-get install -y curl
```

## Fix safety
Safe for subcommands apt-get has with the same meaning (`install`, `update`, `remove`, `purge`,
`autoremove`, `clean`...). Unsafe for `upgrade`: `apt upgrade` also installs new dependencies,
`apt-get upgrade` holds those packages back. No fix for `full-upgrade`, `list`, `search`, `show`
(those live in `apt-get dist-upgrade` / `apt-cache`).

## References
- https://manpages.debian.org/apt
- hadolint DL3027, Checkov CKV_DOCKER_9
)md",
};

}  // namespace shipshape
