// curl without -f.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "curl") continue;
      const auto args = c.args();
      if (args.empty()) continue;
      if (shell::HasFlag(args, 'f', {"fail", "fail-with-body"}, CurlSyntax())) continue;
      // Status probes and HEAD requests look at the response themselves.
      if (shell::HasFlag(args, 'I', {"head", "version", "help"}, CurlSyntax()) ||
          shell::HasFlag(args, 'w', {"write-out"}, CurlSyntax()) || shell::HasFlag(args, 'V', {}, CurlSyntax()))
        continue;
      // The script handles the failure itself: `curl ... || fallback`, `if curl ...`.
      const shell::Command& cmd = c.command();
      if (cmd.connector == shell::Connector::kOr || cmd.in_condition || cmd.negated) continue;
      const shell::Word& name = c.inv().name_word();
      Emit(ctx, c.Range(name),
           "curl without -f/--fail saves an HTTP error page as if it were the download and exits 0",
           MakeFix("Add -f", Applicability::kUnsafe, {InsertAfter(c, name, "-f")}));
    }
  }
}

}  // namespace

extern constinit const Rule kCurlWithoutFail{
    .code = "DF088",
    .name = "curl-without-fail",
    .summary = "curl without -f treats HTTP errors as success",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"parfum", "curlUseFlagF"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN curl -sSLo /tmp/a.tgz https://e.com/a.tgz\n", .after = "FROM debian:12\nRUN curl -f -sSLo /tmp/a.tgz https://e.com/a.tgz\n"},
    .docs = R"md(## What it does
Flags `curl` without `-f`/`--fail` (or `--fail-with-body`). Not flagged: `-I`/`--head`,
`-w`/`--write-out` status probes, `--version`, and curl whose failure the script handles
(`curl ... || ...`, `if curl ...`).

## Why is this bad
On an HTTP error (404, 500, an expired link) curl without `-f` writes the error page to the
output and exits 0. The build continues with an HTML page where an archive or script was
expected, and fails later with a confusing error, or not at all.

## Example
```dockerfile
RUN curl -sSLo /tmp/app.tgz https://example.com/app.tgz
```

## Use instead
```dockerfile
RUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz
```

## Fix safety
Unsafe: inserts `-f` after `curl`. Builds that silently downloaded an error page will now fail.

## References
- https://curl.se/docs/manpage.html#-f
- Parfum curlUseFlagF
)md",
};

}  // namespace shipshape
