// A RUN heredoc script of several commands without `set -e`: only the last one's status counts.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;

// `-e`, `-eux`, `-Eeo` (a short-option group holding `e`), or `-o errexit`.
bool ErrexitFlags(const std::vector<std::string_view>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a == "-o" && i + 1 < args.size() && args[i + 1] == "errexit") return true;
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && a.find('e', 1) != std::string_view::npos) return true;
  }
  return false;
}

// The flags on a `#!/bin/sh -e` line at the top of the body.
bool ShebangErrexit(std::string_view body) {
  const std::string_view line = body.substr(0, body.find('\n'));
  std::vector<std::string_view> words;
  size_t p = 2;
  while (p < line.size()) {
    const size_t e = std::min(line.find(' ', p), line.size());
    if (e > p) words.push_back(line.substr(p, e - p));
    p = e + 1;
  }
  return ErrexitFlags(words);
}

// Statements at the top level of the script (`a && b` and `a | b` are one, `a; b` or two lines
// are two), and whether a top-level `set` turns errexit on.
struct Shape {
  int statements = 0;
  bool errexit = false;
};

bool EndsStatement(shell::Connector c) {
  return c == shell::Connector::kSemicolon || c == shell::Connector::kNewline ||
         c == shell::Connector::kBackground || c == shell::Connector::kEnd;
}

Shape ShapeOf(const shell::Script& s) {
  Shape sh;
  for (const shell::Command& c : s.commands) {
    if (c.depth != 0) continue;
    if (EndsStatement(c.connector)) ++sh.statements;
    if (c.name() == "set") {
      std::vector<std::string_view> args;
      for (size_t i = 1; i < c.argv.size(); ++i) args.push_back(c.argv[i].value());
      sh.errexit |= ErrexitFlags(args);
    }
  }
  for (const shell::Block& b : s.blocks)
    if (b.depth == 0 && EndsStatement(b.connector)) ++sh.statements;
  return sh;
}

// `-e` among the arguments of the SHELL that runs a script without a `#!` line.
bool ShellErrexit(const Run& r) {
  std::vector<std::string_view> argv(r.shell.argv.begin(), r.shell.argv.end());
  return ErrexitFlags(argv);
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const auto& seg : r->segments) {
      if (seg->kind != Segment::Kind::kHeredoc || !seg->heredoc || !seg->script.ok()) continue;
      const dockerfile::Heredoc& h = *seg->heredoc;
      const bool shebang = h.content.rfind("#!", 0) == 0;
      if (shebang ? ShebangErrexit(h.content) : (seg->interpreter == r->shell.name && ShellErrexit(*r)))
        continue;
      const Shape shape = ShapeOf(seg->script);
      if (shape.errexit || shape.statements < 2) continue;
      DiagnosticBuilder b = ctx.Report(h.marker, "this heredoc runs " + std::to_string(shape.statements) +
                                                     " commands with " + seg->interpreter +
                                                     " without `set -e`: a failing command is ignored and only "
                                                     "the last one's status decides whether the build step fails");
      if (!seg->fixable || h.body.empty()) continue;
      uint32_t at = h.body.start;
      if (shebang) {
        const size_t nl = df.source.find('\n', at);
        if (nl == std::string_view::npos) continue;
        at = static_cast<uint32_t>(nl + 1);
      }
      std::string indent;
      if (h.chomp)
        for (size_t i = at; i < df.source.size() && df.source[i] == '\t'; ++i) indent += '\t';
      b.WithFix("Start the script with `set -e`", Applicability::kUnsafe,
                {Edit::Insert(at, indent + "set -e" + std::string(rules::Newline(df.source)))});
    }
  }
}

}  // namespace

extern constinit const Rule kHeredocRunWithoutErrexit{
    .code = "DF151",
    .name = "heredoc-run-without-errexit",
    .summary = "RUN heredoc with several commands and no `set -e`",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n", .after = "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n"},
    .docs = R"md(## What it does
Flags a `RUN <<EOF` heredoc (or `RUN bash <<EOF`) whose script runs two or more commands at its
top level (separate lines or `;`) with neither `set -e` (`set -eux`, `set -o errexit`) in the
script, nor `-e` on its `#!` line, nor `-e` in the `SHELL` that runs it. Commands chained with
`&&` or `|` count as one, and scripts in another language (`#!/usr/bin/env python3`) are not
checked.

## Why is this bad
BuildKit runs a heredoc as one shell script, and a shell script's exit status is the status of
its last command. Without `set -e`, a failed `apt-get update` or `make` in the middle is printed
and ignored: the step succeeds and the image is built without what it was meant to contain. A
shell-form `RUN a && b` does not have this problem; splitting it over heredoc lines does.

## Example
```dockerfile
FROM debian:12
RUN <<EOF
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
```

## Use instead
```dockerfile
FROM debian:12
RUN <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends curl
rm -rf /var/lib/apt/lists/*
EOF
```

## Fix safety
Unsafe: inserting `set -e` as the first line of the script (after its `#!` line) makes a build
fail where a command failed before and was ignored, which is the point, but a script that relies
on ignoring a failure (`grep` finding nothing) must then say so (`|| true`).

## References
- https://docs.docker.com/reference/dockerfile/#here-documents
- https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_26
)md",
};

}  // namespace shipshape
