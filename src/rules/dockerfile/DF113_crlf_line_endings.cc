// Windows (CRLF) line endings in a Dockerfile for Linux images.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  if (!df.crlf) return;
  for (const dockerfile::Stage& st : df.stages)
    if (rules::LooksWindows(df, st)) return;  // CRLF is the norm for Windows-image Dockerfiles
  const std::string_view src = ctx.source();
  std::vector<Edit> edits;
  size_t lines = 0;
  for (size_t p = src.find("\r\n"); p != std::string_view::npos; p = src.find("\r\n", p + 2)) {
    edits.push_back(Edit::Delete({static_cast<uint32_t>(p), static_cast<uint32_t>(p + 1)}));
    ++lines;
  }
  if (edits.empty()) return;
  const TextRange first = edits.front().range;
  const bool heredoc = [&] {
    for (const dockerfile::Instruction& ins : df.instructions)
      if (!ins.heredocs.empty()) return true;
    return false;
  }();
  ctx.Report(first, std::to_string(lines) + " line(s) end in CRLF" +
                        (heredoc ? ": heredoc scripts keep the \\r and fail in the shell"
                                 : "; editors, diffs and scripts copied from here get stray \\r"))
      .WithFix("Convert line endings to LF", Applicability::kSafe, std::move(edits));
}

}  // namespace

extern constinit const Rule kCrlfLineEndings{
    .code = "DF113",
    .name = "crlf-line-endings",
    .summary = "The Dockerfile has Windows (CRLF) line endings",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\r\nRUN true\r\n", .after = "FROM alpine:3.20\nRUN true\n"},
    .docs = R"md(## What it does
Reports a Dockerfile with CRLF line endings (once, at the first one), unless it builds Windows
images (backtick escape, Windows base, PowerShell `SHELL`), where CRLF is normal.

## Why is this bad
BuildKit parses CRLF instructions, but the carriage return survives where it is not stripped:
heredoc bodies become scripts that fail with `$'\r': command not found`, and scripts or config
copied from the Dockerfile carry the stray byte. It usually comes from a Windows checkout with
`core.autocrlf=true`; a `.gitattributes` entry `Dockerfile text eol=lf` prevents it.

## Example
A Dockerfile saved with CRLF endings.

## Use instead
The same file with LF endings.

## Fix safety
Safe: instructions parse identically; only heredoc contents lose the carriage returns that broke
them.

## References
- https://git-scm.com/docs/gitattributes#_eol
)md",
};

}  // namespace shipshape
