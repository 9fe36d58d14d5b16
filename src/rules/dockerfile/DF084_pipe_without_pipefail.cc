// A pipe in RUN without -o pipefail.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;

// Commands whose failure in front of a pipe is not worth hiding a build error for.
bool Harmless(std::string_view n) {
  return n == "echo" || n == "printf" || n == "yes" || n == "true" || n == ":";
}

constexpr uint32_t kIsolationBase = 0x0DF08400;

// The SHELL instruction that fixes it: `-o pipefail` added to an existing SHELL, or a new SHELL
// line before the RUN when the base image's shell is known.
std::optional<Fix> ShellFix(const dockerfile::Dockerfile& df, const Analysis& an, const Run& r,
                            const Segment& seg) {
  std::string_view src = df.source;
  // Heredoc scripts with their own shebang, and `bash <<EOF`, are not run by SHELL.
  if (seg.kind == Segment::Kind::kHeredoc && seg.interpreter != r.shell.name) return std::nullopt;
  if (r.shell.set_by != nullptr) {
    const dockerfile::Instruction& sh = *r.shell.set_by;
    if (!sh.json_form || !r.shell.posix || (r.shell.name != "bash" && r.shell.name != "zsh" &&
                                            r.shell.name != "ash" && r.shell.name != "ksh"))
      return std::nullopt;
    for (const dockerfile::Arg& a : sh.args) {
      if (a.value != "-c") continue;
      Fix f;
      f.title = "Add -o pipefail to SHELL";
      f.applicability = Applicability::kUnsafe;
      f.edits = {Edit::Insert(a.range.start, "\"-o\", \"pipefail\", ")};
      f.isolation_group = kIsolationBase + sh.range.start;
      return f;
    }
    return std::nullopt;
  }
  if (r.stage == nullptr) return std::nullopt;
  BaseFamily fam = an.Family(*r.stage);
  std::string shell;
  if (HasBash(fam)) shell = "/bin/bash";
  else if (fam == BaseFamily::kAlpine || fam == BaseFamily::kBusybox) shell = "/bin/ash";
  Fix f;
  f.title = "Set SHELL with -o pipefail";
  f.applicability = shell.empty() ? Applicability::kDisplayOnly : Applicability::kUnsafe;
  if (shell.empty()) shell = "/bin/bash";
  std::string_view kw = r.ins->keyword_range.Of(src);
  f.edits = {Edit::Insert(r.ins->keyword_range.start,
                          rules::MatchCase(kw, "SHELL") + " [\"" + shell +
                              "\", \"-o\", \"pipefail\", \"-c\"]" +
                              std::string(rules::Newline(src)) +
                              std::string(rules::IndentOf(src, r.ins->keyword_range.start)))};
  f.isolation_group = kIsolationBase + r.stage->index;
  return f;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (r->onbuild) continue;  // the child image's SHELL is unknown
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      const Segment& seg = *c.seg;
      if (seg.kind == Segment::Kind::kExecForm || seg.pipefail || c.inv().shell_depth != 0)
        continue;
      const shell::Command& cmd = c.command();
      const shell::Script& s = seg.script;
      // Elements that feed a pipe: a simple command, or the compound element it sits in.
      int32_t pipeline = cmd.pipeline;
      uint16_t pos = cmd.pipeline_pos;
      shell::Connector conn = cmd.connector;
      TextRange at = cmd.connector_range;
      if (pipeline < 0 && cmd.block >= 0) {
        const shell::Block& b = s.blocks[cmd.block];
        pipeline = b.pipeline;
        pos = b.pipeline_pos;
        conn = b.connector;
        at = TextRange{b.range.end, b.range.end};
      }
      if (pipeline < 0 || conn != shell::Connector::kPipe) continue;
      if (pos + 1 >= s.pipelines[pipeline].size) continue;
      if (Harmless(c.name())) continue;
      if (r->SetsPipefailBefore(i)) continue;
      Emit(ctx, at.empty() ? c.Range() : seg.Source(at),
           "pipe without pipefail: if `" + std::string(c.name().empty() ? "..." : c.name()) +
               "` fails, only the last command's status counts and the build goes on",
           ShellFix(df, an, *r, seg));
      break;  // one finding per RUN
    }
  }
}

}  // namespace

extern constinit const Rule kPipeWithoutPipefail{
    .code = "DF084",
    .name = "pipe-without-pipefail",
    .summary = "A RUN pipes commands without -o pipefail, hiding failures",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {{"hadolint", "DL4006"}, {"kics", "Shell Running A Pipe Without Pipefail Flag"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN curl -fsSL https://e.com/a.tgz | tar xz\n", .after = "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://e.com/a.tgz | tar xz\n"},
    .docs = R"md(## What it does
Flags a `RUN` with a pipe `a | b` when the shell running it does not have `pipefail` set: the
`SHELL` (default `/bin/sh -c`) lacks `-o pipefail` and the script does not run
`set -o pipefail` first. The shell really used is taken into account: `SHELL`, a heredoc's
shebang, `bash <<EOF`. Not flagged: pipes fed by commands that cannot meaningfully fail (`echo`,
`printf`, `yes`, `true`), pipes inside `sh -c` strings (a `SHELL` change would not reach them),
exec-form `RUN`, `ONBUILD RUN`, and non-POSIX shells.

## Differences from hadolint
hadolint DL4006 treats `SHELL ["/bin/sh", "-o", "pipefail", "-c"]` as not setting pipefail.
shipshape accepts it: BusyBox `sh` and dash 0.5.12 and later (Debian 12, Ubuntu 23.04) support
`-o pipefail`, and where `sh` does not, the first `RUN` under that `SHELL` stops the build with
an illegal-option error: nothing fails silently.

## Why is this bad
A pipeline's status is that of its last command. In `curl -fsSL $URL | tar xz`, a failed download
hands `tar` an empty stream; depending on the tools the build goes on with a broken layer.

## Example
```dockerfile
FROM debian:12
RUN curl -fsSL https://example.com/app.tgz | tar xz -C /opt
```

## Use instead
```dockerfile
FROM debian:12
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/app.tgz | tar xz -C /opt
```

## Fix safety
Unsafe: a `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` line is inserted before the `RUN` when
the base image is known to have bash (Debian, Ubuntu, Fedora, RHEL, SUSE families and the
official language images built on them), `["/bin/ash", ...]` for Alpine and BusyBox; when a
`SHELL` is already set to bash/zsh/ash/ksh, `"-o", "pipefail"` is added to it. `SHELL` applies to
every later shell-form instruction of the stage, and previously hidden failures will now fail the
build. For unknown base images the fix is only shown.

## References
- https://docs.docker.com/build/building/best-practices/#using-pipes
- hadolint DL4006
)md",
};

}  // namespace shipshape
