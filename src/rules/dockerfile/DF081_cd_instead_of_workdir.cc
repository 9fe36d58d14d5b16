// cd inside RUN where WORKDIR fits.
#include <algorithm>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;

std::string_view Stem(std::string_view v) {
  while (v.size() > 1 && v.back() == '/') v.remove_suffix(1);
  size_t slash = v.rfind('/');
  if (slash != std::string_view::npos) v = v.substr(slash + 1);
  for (std::string_view ext : {".git", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2",
                               ".tar.zst", ".tar", ".zip"})
    if (v.ends_with(ext)) return v.substr(0, v.size() - ext.size());
  return v;
}

// Does an earlier command of the RUN create or fill the directory (`mkdir -p /x && cd /x`,
// `git clone URL repo && cd repo`, `tar xf app-1.0.tgz && cd app-1.0`)? Then WORKDIR cannot
// simply replace the cd.
bool CreatedEarlier(const Run& r, size_t i, std::string_view target) {
  while (target.size() > 1 && target.back() == '/') target.remove_suffix(1);
  std::string_view first = target.substr(0, target.find('/', target.starts_with("/") ? 1 : 0));
  for (size_t j = 0; j < i; ++j) {
    const Cmd& c = r.cmds[j];
    for (const shell::Word& w : c.args()) {
      std::string_view v = w.value();
      while (v.size() > 1 && v.back() == '/') v.remove_suffix(1);
      if (v.empty() || v.starts_with("-")) continue;
      if (v == target || v == first || target.starts_with(std::string(v) + "/") ||
          Stem(v) == Stem(first) || Stem(v) == Stem(target))
        return true;
    }
  }
  return false;
}

// `RUN cd /abs && rest` as the first top-level command: the fix splits it into WORKDIR + RUN.
std::optional<Fix> SplitFix(const dockerfile::Dockerfile& df, const Run& r, const Cmd& c) {
  const Segment& seg = *c.seg;
  const shell::Command& cmd = c.command();
  if (r.onbuild || seg.kind != Segment::Kind::kShellForm || !seg.fixable || !seg.script.ok() ||
      c.inv().shell_depth != 0 || c.inv().command_index != 0 || cmd.block >= 0 ||
      cmd.argv.size() != 2 || !cmd.assignments.empty() || !cmd.redirects.empty() ||
      cmd.connector != shell::Connector::kAnd)
    return std::nullopt;
  std::string_view dir = cmd.argv[1].value();
  if (!cmd.argv[1].IsStatic() || !dir.starts_with("/") || dir.find("..") != std::string_view::npos ||
      dir.find_first_of(" \t\"'$\\") != std::string_view::npos)
    return std::nullopt;
  uint32_t next = UINT32_MAX;
  for (const shell::Command& x : seg.script.commands)
    if (x.block < 0 && x.range.start >= cmd.connector_range.end) next = std::min(next, x.range.start);
  for (const shell::Block& b : seg.script.blocks)
    if (b.parent < 0 && b.range.start >= cmd.connector_range.end) next = std::min(next, b.range.start);
  if (next == UINT32_MAX || next >= seg.text().size()) return std::nullopt;
  const uint32_t from = seg.Source(cmd.argv[0].range).start;
  const uint32_t to = seg.Source({next, next + 1}).start;
  const dockerfile::Instruction& ins = *r.ins;
  std::string_view kw = ins.keyword_range.Of(df.source);
  std::string workdir = rules::MatchCase(kw, "WORKDIR") + " " + std::string(dir) +
                        std::string(rules::Newline(df.source)) +
                        std::string(rules::IndentOf(df.source, ins.keyword_range.start));
  return MakeFix("Move `cd " + std::string(dir) + "` into WORKDIR", Applicability::kUnsafe,
                 {Edit::Insert(ins.keyword_range.start, workdir), Edit::Delete({from, to})});
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    bool seen = false;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      if (c.name() != "cd" || c.inv().shell_depth != 0) continue;
      // A cd inside ( ... ) or $( ... ) does not leak into the rest of the script.
      const shell::Script& s = *c.inv().script;
      if (s.IsInside(c.inv().command_index, shell::BlockKind::kSubshell) ||
          s.IsInside(c.inv().command_index, shell::BlockKind::kCommandSubst) ||
          s.IsInside(c.inv().command_index, shell::BlockKind::kBackquote))
        continue;
      // Only the first cd of a RUN matters: later ones (`cd /` before cleaning up, `cd ..`)
      // follow from it.
      if (seen) break;
      seen = true;
      auto args = c.args();
      if (args.empty() || !args[0].IsStatic() || args[0].Is("-")) continue;
      std::string_view target = args[0].value();
      if (CreatedEarlier(*r, i, target)) continue;
      std::optional<Fix> fix = SplitFix(df, *r, c);
      Emit(ctx, Span(c, c.inv().name_word(), args[0]),
           "cd in RUN: use WORKDIR " + std::string(target) +
               " so later instructions and readers see where commands run",
           std::move(fix));
    }
  }
}

}  // namespace

extern constinit const Rule kCdInsteadOfWorkdir{
    .code = "DF081",
    .name = "cd-instead-of-workdir",
    .summary = "cd inside RUN where WORKDIR would do",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {{"hadolint", "DL3003"}, {"trivy", "DS-0013"},
                {"kics", "RUN Instruction Using 'cd' Instead of WORKDIR"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20\nRUN cd /app && npm ci\n", .after = "FROM node:20\nWORKDIR /app\nRUN npm ci\n"},
    .docs = R"md(## What it does
Flags `cd DIR` in a `RUN` when `WORKDIR DIR` would do. Not flagged: `cd` inside a subshell
`( ... )` or `$( ... )` (it does not leak), inside `sh -c` strings, `cd -`, `cd` to a directory
built from variables, any `cd` after the first one of the `RUN` (`cd /` before cleaning up), and
`cd` into a directory that an earlier command of the same `RUN` creates
or fills (`mkdir -p /x && cd /x`, `git clone URL repo && cd repo`, `tar xf app-1.0.tgz && cd app-1.0`).

## Why is this bad
`WORKDIR` states where the following instructions run, creates the directory, and is visible in
the image's configuration. A `cd` chained into a long `RUN` is easy to miss and is forgotten by
the next `RUN`.

## Example
```dockerfile
RUN cd /app && npm ci
```

## Use instead
```dockerfile
WORKDIR /app
RUN npm ci
```

## Fix safety
Unsafe, and offered only when the `RUN` starts with `cd /absolute/dir &&`: the `cd` becomes a
`WORKDIR` line before the `RUN`. `WORKDIR` persists, so every later instruction of the stage
(`COPY` with relative destinations, `CMD`) now runs in that directory too.

## References
- https://docs.docker.com/build/building/best-practices/#workdir
- hadolint DL3003, Trivy DS-0013
)md",
};

}  // namespace shipshape
