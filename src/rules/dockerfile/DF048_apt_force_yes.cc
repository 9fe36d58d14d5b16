// apt-get --force-yes.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  const shell::OptionSyntax& syn = shell::OptionSyntaxFor(shell::PackageManager::kAptGet);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "apt-get" && c.name() != "apt") continue;
      auto a = shell::FindFlag(c.args(), 0, {"force-yes"}, syn);
      if (!a) continue;
      const bool has_yes = shell::HasFlag(c.args(), 'y', {"yes", "assume-yes"}, syn);
      std::optional<Fix> fix =
          has_yes ? MakeFix("Remove --force-yes", Applicability::kUnsafe, {RemoveWord(c, *a->word)})
                  : MakeFix("Replace --force-yes with -y", Applicability::kUnsafe,
                            {ReplaceWord(c, *a->word, "-y")});
      Emit(ctx, c.Range(*a->word),
           "--force-yes is deprecated and also lets apt install unauthenticated packages and "
           "downgrade; use -y",
           std::move(fix));
    }
  }
}

}  // namespace

extern constinit const Rule kAptForceYes{
    .code = "DF048",
    .name = "apt-force-yes",
    .summary = "apt-get --force-yes skips signature and downgrade safeguards",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_11"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt-get install --force-yes curl\n", .after = "FROM debian:12\nRUN apt-get install -y curl\n"},
    .docs = R"md(## What it does
Flags `apt-get --force-yes`.

## Why is this bad
`--force-yes` is deprecated. It answers yes to *dangerous* questions too: installing packages
that fail authentication, downgrading, removing essential packages. `-y` answers the ordinary
confirmation, which is all a build needs.

## Example
```dockerfile
RUN apt-get install --force-yes curl
```

## Use instead
```dockerfile
RUN apt-get install -y curl
```

## Fix safety
Unsafe: `--force-yes` is replaced by `-y` (or removed when `-y` is already there). A build that
relied on an unauthenticated package or a downgrade will then stop, which is the point.

## References
- https://manpages.debian.org/apt-get
- Checkov CKV2_DOCKER_11
)md",
};

}  // namespace shipshape
