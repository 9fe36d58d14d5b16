// sudo inside RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

// The USER in effect at `ins` is root (or unset).
bool RunsAsRoot(const Analysis& an, const dockerfile::Instruction* ins) {
  bool root = true;
  an.ForEachBefore(ins, [&](const dockerfile::Instruction& i) {
    if (i.kind != dockerfile::Keyword::kUser) return true;
    std::string_view u = i.args.empty() ? "" : std::string_view(i.args[0].value);
    root = u == "root" || u == "0" || u.starts_with("root:") || u.starts_with("0:");
    return false;
  });
  return root;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    const bool root = RunsAsRoot(an, r->ins);
    for (const Cmd& c : r->cmds) {
      const auto& argv = c.command().argv;
      size_t k = 0;
      while (k < argv.size() && !(argv[k].IsStatic() && (argv[k].value() == "sudo" ||
                                                         argv[k].value().ends_with("/sudo"))))
        ++k;
      if (k >= argv.size() || (k > c.inv().name_index && c.name() != "sudo")) continue;
      // Fix: drop `sudo` and harmless options (-E, -H, -n); not when it switches user.
      size_t last = k;
      bool plain = c.name() != "sudo";
      while (last + 1 < argv.size() && argv[last + 1].value().starts_with("-")) {
        std::string_view o = argv[last + 1].value();
        if (o == "--") {
          ++last;
          break;
        }
        if (o != "-E" && o != "-H" && o != "-n" && o != "-EH" && o != "-HE" &&
            o != "--preserve-env")
          plain = false;
        ++last;
      }
      std::optional<Fix> fix;
      if (plain && root)
        fix = MakeFix("Remove sudo", Applicability::kUnsafe, {RemoveWords(c, argv[k], argv[last])});
      if (root && !plain && c.name() != "sudo") {
        // `sudo -u app cmd` as root drops privileges: not an escalation, but sudo still has to
        // ship in the image and behaves oddly without a terminal.
        DiagnosticBuilder b = ctx.Report(
            c.Range(argv[k]), "sudo used to run a step as another user; use USER (or setpriv/"
                              "gosu) instead of shipping sudo");
        b.diagnostic().severity = Severity::kWarning;
        continue;
      }
      Emit(ctx, c.Range(argv[k]),
           "sudo in RUN: the build already runs as root (or as the USER set); switch with USER "
           "instead",
           std::move(fix));
    }
  }
}

}  // namespace

extern constinit const Rule kSudoInRun{
    .code = "DF082",
    .name = "sudo-in-run",
    .summary = "sudo is used inside RUN",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3004"}, {"trivy", "DS-0010"}, {"checkov", "CKV2_DOCKER_1"},
                {"kics", "Run Using Sudo"}, {"dockle", "DKL-DI-0001"}, {"parfum", "DL3004"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN sudo apt-get update\n", .after = "FROM debian:12\nRUN apt-get update\n"},
    .docs = R"md(## What it does
Flags `sudo` in `RUN` (also behind `env` and inside `sh -c`).

## Why is this bad
Build steps run as root unless a `USER` says otherwise, so `sudo` is redundant there. When it is
installed so a non-root `USER` can elevate, the image ships a privilege-escalation path, and
sudo's TTY and signal handling make builds and containers behave oddly. Switch users with `USER`
(or `gosu`/`su-exec` in an entrypoint).

## Example
```dockerfile
RUN sudo apt-get update
```

## Use instead
```dockerfile
USER root
RUN apt-get update
USER app
```

`sudo -u USER` while the build runs as root drops privileges rather than raising them; it is
reported at warning level instead of error.

## Fix safety
Unsafe: removes `sudo` and its harmless options (`-E`, `-H`, `-n`). Offered only when the
instruction runs as root (no `USER`, or `USER root`); with `-u`/`-g` (run as another user) or
under a non-root `USER`, there is no fix because the command would then run with other rights.

## References
- https://docs.docker.com/build/building/best-practices/#user
- hadolint DL3004, Trivy DS-0010, Checkov CKV2_DOCKER_1
)md",
};

}  // namespace shipshape
