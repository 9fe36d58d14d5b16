// cargo install without --locked.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {shell::PackageManager::kCargo});
      if (!pi || !pi->subcommand || pi->HasFlag(0, {"locked", "frozen", "list"})) continue;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           "cargo install without --locked ignores the crate's Cargo.lock and resolves the newest "
           "dependency versions",
           MakeFix("Add --locked", Applicability::kUnsafe,
                   {InsertAfter(c, *pi->subcommand, "--locked")}));
    }
  }
}

}  // namespace

extern constinit const Rule kCargoInstallWithoutLocked{
    .code = "DF076",
    .name = "cargo-install-without-locked",
    .summary = "cargo install resolves fresh dependency versions instead of Cargo.lock",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM rust:1.80\nRUN cargo install ripgrep --version 14.1.0\n", .after = "FROM rust:1.80\nRUN cargo install --locked ripgrep --version 14.1.0\n"},
    .docs = R"md(## What it does
Flags `cargo install` without `--locked` (or `--frozen`).

## Why is this bad
Without `--locked`, cargo ignores the lockfile published with the crate and picks the newest
semver-compatible version of every dependency on the day of the build. Builds then break when a
dependency releases a bad version, and two builds differ.

## Example
```dockerfile
RUN cargo install ripgrep --version 14.1.0
```

## Use instead
```dockerfile
RUN cargo install --locked ripgrep --version 14.1.0
```

## Fix safety
Unsafe: with `--locked` the build fails if the crate's lockfile is missing or out of date, and
different (locked) dependency versions get built.

## References
- https://doc.rust-lang.org/cargo/commands/cargo-install.html#dealing-with-the-lockfile
)md",
};

}  // namespace shipshape
