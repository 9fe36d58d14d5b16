// apt-get install without --no-install-recommends.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;
using shell::PackageManager;

bool MentionsRecommendsConfig(const dockerfile::Instruction& ins) {
  if (ins.rest.text.find("Install-Recommends") != std::string::npos) return true;
  for (const dockerfile::Heredoc& h : ins.heredocs)
    if (h.content.find("Install-Recommends") != std::string::npos) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    // An apt.conf snippet written in this RUN or an earlier one (`APT::Install-Recommends "0";`)
    // already turns recommends off.
    bool configured = MentionsRecommendsConfig(*r->ins);
    if (!configured) {
      an.ForEachBefore(r->ins, [&](const dockerfile::Instruction& i) {
        if (i.kind == dockerfile::Keyword::kRun && MentionsRecommendsConfig(i)) configured = true;
        return !configured;
      });
    }
    if (configured) continue;
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {PackageManager::kAptGet, PackageManager::kApt});
      if (!pi || !pi->subcommand || pi->HasFlag(0, {"no-install-recommends"})) continue;
      bool off = false;
      for (std::string_view v :
           OptionValues(pi->args, 'o', "option", shell::OptionSyntaxFor(pi->manager))) {
        std::string l = Lower(v);
        if (l.find("install-recommends") != std::string::npos &&
            Falsy(l.substr(l.find('=') + 1)))
          off = true;
      }
      if (off) continue;
      // Options written before the subcommand (`apt-get -y install x`) get the new one next to
      // them, as Parfum does: `apt-get -y --no-install-recommends install x`.
      const shell::Word* anchor = pi->subcommand;
      const auto args = c.args();
      for (size_t k = 1; k < args.size(); ++k)
        if (&args[k] == pi->subcommand) anchor = &args[k - 1];
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           std::string(c.name()) +
               " install without --no-install-recommends pulls in recommended packages too",
           MakeFix("Add --no-install-recommends", Applicability::kUnsafe,
                   {InsertAfter(c, *anchor, "--no-install-recommends")}));
    }
  }
}

}  // namespace

extern constinit const Rule kAptInstallWithRecommends{
    .code = "DF041",
    .name = "apt-install-with-recommends",
    .summary = "apt-get install without --no-install-recommends installs extra packages",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3015"}, {"trivy", "DS-0029"},
                {"kics", "APT-GET Not Avoiding Additional Packages"},
                {"parfum", "aptGetInstallUseNoRec"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt-get install -y curl\n", .after = "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n"},
    .docs = R"md(## What it does
Flags `apt-get install` / `apt install` without `--no-install-recommends`. The equivalent
`-o APT::Install-Recommends=false` is accepted, and so is an `APT::Install-Recommends` setting
written to apt's configuration in this or an earlier `RUN` of the stage.

## Why is this bad
By default apt also installs every package the requested ones merely *recommend*. In an image
that is often tens or hundreds of megabytes nobody asked for, and more code to patch.

## Example
```dockerfile
RUN apt-get update && apt-get install -y curl
```

## Use instead
```dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl
```

## Fix safety
The flag is inserted right after the subcommand, or before it when other options precede it
(`apt-get -y install` becomes `apt-get -y --no-install-recommends install`).
Unsafe: fewer packages get installed, and the software may have relied on a recommended one
(e.g. `ca-certificates` recommended by `curl`). Review what the image needs.

## References
- https://docs.docker.com/build/building/best-practices/#apt-get
- hadolint DL3015, Trivy DS-0029
)md",
};

}  // namespace shipshape
