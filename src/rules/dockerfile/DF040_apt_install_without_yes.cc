// apt-get/apt install without -y.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;
using shell::PackageManager;

bool NonInteractive(const Cmd& c, const shell::PackageInstall& pi) {
  const shell::OptionSyntax& syn = shell::OptionSyntaxFor(pi.manager);
  if (pi.HasFlag('y', {"yes", "assume-yes"})) return true;
  // -qq (quiet level 2) implies -y; so does --quiet=2 / -q=2.
  if (shell::CountFlag(pi.args, 'q', {"quiet"}, syn) >= 2) return true;
  for (const shell::Word& w : pi.args)
    if (w.Is("--quiet=2") || w.Is("-q=2")) return true;
  for (std::string_view v : OptionValues(pi.args, 'o', "option", syn)) {
    std::string l = Lower(v);
    if (l.find("assume-yes") != std::string::npos && !Falsy(l.substr(l.find('=') + 1)))
      return true;
  }
  // `yes | apt-get install ...`
  for (size_t up : c.seg->list->Upstream(c.index))
    if ((*c.seg->list)[up].name == "yes") return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {PackageManager::kAptGet, PackageManager::kApt});
      if (!pi || !pi->subcommand || NonInteractive(c, *pi)) continue;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           std::string(c.name()) + " install without -y: with no terminal the confirmation "
                                   "prompt aborts the build",
           MakeFix("Add -y", Applicability::kSafe, {InsertAfter(c, *pi->subcommand, "-y")}));
    }
  }
}

}  // namespace

extern constinit const Rule kAptInstallWithoutYes{
    .code = "DF040",
    .name = "apt-install-without-yes",
    .summary = "apt-get install runs without -y and stops at the confirmation prompt",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3014"}, {"trivy", "DS-0021"},
                {"kics", "APT-GET Missing Flags To Avoid Manual Input"},
                {"parfum", "aptGetInstallUseY"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt-get update && apt-get install curl\n", .after = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"},
    .docs = R"md(## What it does
Flags `apt-get install` (and `apt install`) in a `RUN` without `-y`/`--yes`/`--assume-yes`.
`-qq` (which implies `-y`), `-o APT::Get::Assume-Yes=true` and `yes | apt-get install` are
accepted. Commands behind `sudo`/`env`, inside `sh -c '...'` and in heredoc scripts are checked.

## Why is this bad
A build has no terminal. When apt asks "Do you want to continue? [Y/n]" it reads end-of-file and
aborts, so the build fails, or worse, succeeds only while the package set happens to need no
confirmation.

## Example
```dockerfile
RUN apt-get update && apt-get install curl
```

## Use instead
```dockerfile
RUN apt-get update && apt-get install -y curl
```

## Fix safety
Safe: inserts `-y` right after `install`. No fix inside exec-form `RUN [...]` or a `sh -c` string
with escapes, where the word cannot be located exactly.

## References
- https://manpages.debian.org/apt-get
- hadolint DL3014, Trivy DS-0021
)md",
};

}  // namespace shipshape
