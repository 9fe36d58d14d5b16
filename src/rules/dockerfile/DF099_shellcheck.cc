// ShellCheck findings on RUN scripts (opt-in: `shellcheck: true` in the configuration).
#include <algorithm>
#include <cctype>
#include <set>

#include "dockerfile/ignore_comment.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/dockerfile/shellcheck_bridge.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using dockerfile::Instruction;
using dockerfile::Keyword;

std::string_view Dialect(std::string_view interpreter) {
  if (interpreter == "bash") return "bash";
  if (interpreter == "dash") return "dash";
  if (interpreter == "ksh" || interpreter == "mksh") return "ksh";
  if (interpreter == "sh" || interpreter == "ash" || interpreter == "busybox") return "sh";
  return {};  // zsh and others: ShellCheck does not support them
}

Severity SeverityOf(std::string_view level) {
  if (level == "error") return Severity::kError;
  if (level == "warning") return Severity::kWarning;
  if (level == "style") return Severity::kStyle;
  return Severity::kInfo;
}

// `# hadolint ignore=SC2086` / `# shipshape ignore=SC2086` above the RUN, or global.
void IgnoredCodes(std::string_view src, const std::vector<TextRange>& comments,
                  std::set<std::string>* out) {
  for (TextRange c : comments) {
    std::vector<std::string> codes;
    bool global = false;
    if (ParseIgnoreComment(c.Of(src), &codes, &global)) out->insert(codes.begin(), codes.end());
  }
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  if (!ctx.config().shellcheck) return;
  ProcessShellChecker checker;
  if (!checker.available()) {
    ctx.Report(TextRange::At(0),
               "ShellCheck is enabled in the configuration but `shellcheck` is not on PATH");
    return;
  }
  std::set<std::string> global;
  for (TextRange c : df.comments) {
    std::vector<std::string> codes;
    bool g = false;
    if (ParseIgnoreComment(c.Of(df.source), &codes, &g) && g) global.insert(codes.begin(), codes.end());
  }
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->posix) continue;
    std::set<std::string> ignored = global;
    IgnoredCodes(df.source, r->ins->leading_comments, &ignored);
    // Variables declared by ARG/ENV are known to the script (avoids SC2154 noise).
    std::set<std::string> names;
    an.ForEachBefore(r->ins, [&](const Instruction& i) {
      if (i.kind == Keyword::kArg || i.kind == Keyword::kEnv)
        for (const dockerfile::KeyValue& kv : i.pairs) names.insert(kv.key);
      return true;
    });
    for (const Instruction* g : df.global_args)
      for (const dockerfile::KeyValue& kv : g->pairs) names.insert(kv.key);
    std::string header;
    for (const std::string& n : names) {
      bool ok = !n.empty();
      for (char ch : n) ok = ok && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_');
      if (ok) header += (header.empty() ? "export " : " ") + n + "=";
    }
    if (!header.empty()) header += "\n";
    const int header_lines = header.empty() ? 0 : 1;
    for (const auto& seg : r->segments) {
      if (seg->kind == Segment::Kind::kExecForm) continue;
      std::string_view dialect = Dialect(seg->interpreter);
      if (dialect.empty()) continue;
      std::string script = header + std::string(seg->text());
      if (script.empty() || script.back() != '\n') script += '\n';
      if (seg->kind == Segment::Kind::kShellForm && !r->ins->heredocs.empty()) {
        // `RUN <<EOF` alone: the body is the script (its own segment); the marker is not.
        if (seg->text().find_first_of(" \t") == std::string_view::npos) continue;
        // Otherwise the shell sees the bodies after the line, as BuildKit passes them.
        for (const dockerfile::Heredoc& h : r->ins->heredocs) {
          script += h.content;
          if (!h.content.empty() && h.content.back() != '\n') script += '\n';
          script += h.name + "\n";
        }
      }
      auto findings = checker.Check(script, dialect);
      if (!findings) continue;
      const std::string_view text = seg->text();
      for (const ScFinding& f : *findings) {
        std::string code = "SC" + std::to_string(f.code);
        if (ignored.count(code) || f.line - header_lines < 1) continue;
        // Findings inside heredoc data appended above have no place in this segment.
        if (f.line - header_lines > 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n')))
          continue;
        uint32_t s = OffsetOfLineColumn(text, f.line - header_lines, f.column);
        uint32_t e = OffsetOfLineColumn(text, f.end_line - header_lines, f.end_column);
        if (s >= text.size()) s = text.empty() ? 0 : static_cast<uint32_t>(text.size() - 1);
        if (e <= s) e = s + 1;
        if (e > text.size()) e = static_cast<uint32_t>(text.size());
        DiagnosticBuilder b = ctx.Report(seg->Source({s, e}), code + ": " + f.message);
        b.diagnostic().severity = SeverityOf(f.level);
      }
    }
  }
}

}  // namespace

extern constinit const Rule kShellcheck{
    .code = "DF099",
    .name = "shellcheck",
    .summary = "ShellCheck findings in RUN scripts (when enabled)",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"shellcheck", "SCxxxx"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Runs ShellCheck (`shellcheck -s DIALECT -f json1 -`) on every shell-form `RUN` script and every
heredoc script run by a POSIX shell, and reports its findings at the exact Dockerfile position,
also on continuation lines. The message starts with the ShellCheck code (`SC2086: ...`) and the
severity follows ShellCheck's level. Opt-in: set `shellcheck: true` in `.shipshape.yaml` and
have `shellcheck` on `PATH` (a finding says so when it is missing).

Like hadolint: the dialect follows the shell that runs the script (`SHELL`, heredoc shebang);
exec-form `RUN`, PowerShell/cmd and zsh are skipped; ARG and ENV names are declared to ShellCheck
so they are not reported as unassigned; SC1090, SC1091 and SC2187 are off. `# hadolint
ignore=SC2086` (or `# shipshape ignore=`) above the `RUN`, and `# shellcheck disable=` inside a
heredoc script, silence codes.

## Why is this bad
ShellCheck finds real shell bugs: unquoted expansions that split, `cd` without a failure check,
`[ $x == y ]` in `sh`, misplaced quotes.

## Example
```dockerfile
RUN for f in $FILES; do cp $f /dst; done
```

## Use instead
```dockerfile
RUN for f in $FILES; do cp "$f" /dst; done
```

## Fix safety
No fix.

## References
- https://www.shellcheck.net/wiki/
- hadolint runs ShellCheck on RUN the same way
)md",
};

}  // namespace shipshape
