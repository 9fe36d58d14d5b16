// wget without a progress/quiet option.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

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
      // busybox wget (Alpine) has no --progress; only GNU-based images get an applicable fix.
      const BaseFamily fam = r->stage ? an.Family(*r->stage) : BaseFamily::kUnknown;
      const Applicability a = HasBash(fam) ? Applicability::kSafe : Applicability::kDisplayOnly;
      const shell::Word& name = c.inv().name_word();
      Emit(ctx, c.Range(name),
           "wget without --progress or -q fills the build log with progress lines",
           MakeFix("Add --progress=dot:giga", a, {InsertAfter(c, name, "--progress=dot:giga")}));
    }
  }
}

}  // namespace

extern const Rule kWgetWithoutProgress{
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
Safe on images known to ship GNU wget (Debian, Ubuntu, RHEL, SUSE families): inserts
`--progress=dot:giga` after `wget`. Shown only for Alpine/BusyBox and unknown base images,
because BusyBox wget rejects `--progress`.

## References
- https://www.gnu.org/software/wget/manual/wget.html#Download-Options
- hadolint DL3047
)md",
    .cases = {Bad("FROM debian:12\nRUN wget https://e.com/a.tgz\n",
                  "FROM debian:12\nRUN wget --progress=dot:giga https://e.com/a.tgz\n"),
              Bad("FROM alpine:3.20\nRUN wget https://e.com/a.tgz\n"),
              Good("FROM debian:12\nRUN wget -q https://e.com/a.tgz\n"),
              Good("FROM debian:12\nRUN wget -qO- https://e.com/a.tgz | tar xz\n"),
              Good("FROM debian:12\nRUN wget -nv https://e.com/a.tgz\n"),
              Good("FROM debian:12\nRUN wget --progress=bar:force https://e.com/a.tgz\n")},
};

}  // namespace shipshape
