// wget without a progress/quiet option.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

// True if a RUN of `stage` installs GNU wget with apk (it then replaces busybox's applet).
bool InstallsGnuWget(const Analysis& an, const dockerfile::Stage* stage) {
  for (const auto& r : an.runs()) {
    if (r->stage != stage) continue;
    for (const Cmd& c : r->cmds) {
      if (c.name() != "apk") continue;
      for (const shell::Word& w : c.args())
        if (w.Is("wget")) return true;
    }
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "wget") continue;
      bool quiet = shell::HasFlag(c.args(), 'q', {"quiet", "no-verbose", "progress",
                                                  "output-file", "append-output"}, WgetSyntax()) ||
                   shell::HasFlag(c.args(), 'o', {}, WgetSyntax()) || shell::HasFlag(c.args(), 'a', {}, WgetSyntax());
      for (const shell::Word& w : c.args())
        if (w.Is("-nv")) quiet = true;
      if (quiet) continue;
      // GNU wget (Debian/RHEL/SUSE families) gets --progress, which keeps its error messages.
      // BusyBox wget (Alpine) has no --progress; its -q silences only the progress bar (errors
      // still print), so Alpine gets -q unless the stage installs GNU wget, whose -q would hide
      // them. Unknown bases: shown only.
      const BaseFamily fam = r->stage ? an.Family(*r->stage) : BaseFamily::kUnknown;
      const shell::Word& name = c.inv().name_word();
      const std::string_view msg = "wget without --progress or -q fills the build log with progress lines";
      if (fam == BaseFamily::kAlpine && !InstallsGnuWget(an, r->stage)) {
        Emit(ctx, c.Range(name), std::string(msg),
             MakeFix("Add -q (BusyBox wget has no --progress)", Applicability::kSafe, {InsertAfter(c, name, "-q")}));
        continue;
      }
      const Applicability a = HasBash(fam) ? Applicability::kSafe : Applicability::kDisplayOnly;
      Emit(ctx, c.Range(name), std::string(msg),
           MakeFix("Add --progress=dot:giga", a, {InsertAfter(c, name, "--progress=dot:giga")}));
    }
  }
}

}  // namespace

extern constinit const Rule kWgetWithoutProgress{
    .code = "DF087",
    .name = "wget-without-progress",
    .summary = "wget without a progress option floods the build log",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3047"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN wget https://e.com/a.tgz\n", .after = "FROM debian:12\nRUN wget --progress=dot:giga https://e.com/a.tgz\n"},
    .docs = R"md(## What it does
Flags `wget` without `--progress=...`, `-q`/`--quiet`, `-nv`/`--no-verbose`, or a log file
(`-o`, `-a`).

## Why is this bad
Without a terminal, GNU wget falls back to printing a dot line for every few kilobytes: large
downloads put thousands of lines into the build log and CI output.

## Example
```dockerfile
RUN wget https://example.com/big.tar.gz
```

## Use instead
```dockerfile
RUN wget --progress=dot:giga https://example.com/big.tar.gz
```

## Fix safety
Safe: only the build log changes. On images known to ship GNU wget (Debian, Ubuntu, RHEL, SUSE
families) it inserts `--progress=dot:giga` after `wget`, which keeps wget's error messages. On
Alpine it inserts `-q`: BusyBox wget rejects `--progress`, and its `-q` hides only the progress bar
(errors still print). An Alpine stage that installs GNU wget (`apk add wget`) gets the
`--progress` form shown but not applied (GNU `-q` would hide the errors too), as do unknown bases.

## References
- https://www.gnu.org/software/wget/manual/wget.html#Download-Options
- hadolint DL3047
)md",
};

}  // namespace shipshape
