// Compiler-style output, the default for terminals:
//
//   Dockerfile:3:1: error[DF020 add-for-local-files]: ADD used for local files; use COPY
//     3 | ADD app.py /app/
//       | ^^^
//       = help: Replace ADD with COPY
//
// Columns are code points; tabs are echoed as tabs in the caret line so the caret stays under
// the right character whatever the terminal's tab width.
#include <algorithm>

#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using report::Item;

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";

struct Painter {
  bool on;
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!on) return std::string(text);
    std::string out(style);
    out += text;
    out += kReset;
    return out;
  }
};

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kError: return kRed;
    case Severity::kWarning: return kYellow;
    case Severity::kInfo:
    case Severity::kStyle: return kCyan;
  }
  return kCyan;
}

/// The caret line for `line` (masked): whitespace mirroring tabs up to `col`, then `width` carets.
std::string Carets(std::string_view line, uint32_t col, uint32_t width) {
  std::string out;
  uint32_t cp = 1;
  for (size_t i = 0; i < line.size() && cp < col; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += line[i] == '\t' ? '\t' : ' ';
    ++cp;
  }
  for (; cp < col; ++cp) out += ' ';
  out.append(std::max<uint32_t>(width, 1), '^');
  return out;
}

void RenderOne(const Item& it, const RenderOptions& opts, const Painter& paint, std::string* out) {
  const Diagnostic& d = *it.diag;
  const report::Position& p = it.pos;
  std::string loc(it.path);
  loc += ':' + std::to_string(p.line) + ':' + std::to_string(p.column) + ':';
  *out += paint(kBold, loc);
  *out += ' ';
  *out += paint(SeverityColor(d.severity), SeverityName(d.severity));
  std::string tag = "[";
  tag += it.code;
  tag += ' ';
  tag += it.name;
  tag += "]:";
  *out += paint(kBold, tag);
  *out += ' ';
  *out += paint(kBold, it.message);
  *out += '\n';

  const std::string gutter_num = std::to_string(p.line);
  const std::string pad(gutter_num.size() + 1, ' ');
  if (opts.show_source) {
    const std::string full = report::MaskedLine(*it.file, p.line);
    const uint32_t line_cps = static_cast<uint32_t>(report::CodePoints(full));
    // A range spanning lines is underlined to the end of its first line.
    const uint32_t end_col = p.end_line == p.line ? p.end_column : line_cps + 1;
    uint32_t column = p.column;
    const std::string line = report::ExcerptWindow(full, &column);
    const uint32_t shown = static_cast<uint32_t>(report::CodePoints(line));
    uint32_t width = end_col > p.column ? end_col - p.column : 1;
    // A cut line: underline only what is shown.
    if (line.size() != full.size()) width = std::min(width, shown >= column ? shown - column + 1 : 1);
    *out += paint(kCyan, " " + gutter_num + " |");
    if (!line.empty()) *out += ' ' + line;
    *out += '\n';
    *out += paint(kCyan, pad + " |");
    *out += ' ';
    *out += paint(SeverityColor(d.severity), Carets(line, column, width));
    *out += '\n';
  }
  if (d.fix) {
    std::string help = pad + " = ";
    *out += paint(kCyan, help + "help:");
    *out += ' ';
    *out += report::Scrub(*it.file, d.fix->title);
    const std::string_view tag_text = report::FixTag(d.fix->applicability);
    if (!tag_text.empty()) {
      *out += ' ';
      *out += tag_text;
    }
    *out += '\n';
  }
  if (!d.related.empty()) {
    *out += paint(kCyan, pad + " = note:");
    *out += " also concerns ";
    for (size_t i = 0; i < d.related.size(); ++i) {
      if (i) *out += ", ";
      *out += report::Scrub(*it.file, d.related[i]);
    }
    *out += '\n';
  }
}

}  // namespace

std::string RenderText(const Report& report, const RenderOptions& opts) {
  const Painter paint{opts.color};
  const std::vector<Item> items = report::Flatten(report, /*fingerprints=*/false);
  std::string out;
  size_t estimate = 256;  // Header line, excerpt and caret lines: ~3 lines beside the message.
  for (const Item& it : items) estimate += 3 * it.path.size() + 2 * it.message.size() + 240;
  out.reserve(estimate);
  for (const Item& it : items) {
    RenderOne(it, opts, paint, &out);
    out += '\n';
  }
  for (const SkippedFile& s : report.skipped)
    out += s.path + ": skipped: " + s.reason + '\n';

  const report::Counts c = report::Count(items);
  if (c.total == 0) {
    out += paint(kBold, "No problems found in " + report::Plural(report.files.size(), "file.",
                                                                "files."));
    out += '\n';
    return out;
  }
  std::string parts;
  for (Severity s : report::kSeveritiesDesc) {
    const size_t n = c.of(s);
    if (n == 0) continue;
    if (!parts.empty()) parts += ", ";
    switch (s) {
      case Severity::kCritical: parts += std::to_string(n) + " critical"; break;
      case Severity::kError: parts += report::Plural(n, "error", "errors"); break;
      case Severity::kWarning: parts += report::Plural(n, "warning", "warnings"); break;
      case Severity::kInfo: parts += std::to_string(n) + " info"; break;
      case Severity::kStyle: parts += std::to_string(n) + " style"; break;
    }
  }
  std::string summary = "Found " + report::Plural(c.total, "problem", "problems") + " (" + parts +
                        ") in " + report::Plural(c.files_with_findings, "file", "files");
  if (c.safe_fixes > 0) {
    summary += "; " + std::to_string(c.safe_fixes) + " fixable with `shipshape fix`";
    if (c.unsafe_fixes > 0)
      summary += " (" + std::to_string(c.unsafe_fixes) + " more with `--unsafe`)";
  } else if (c.unsafe_fixes > 0) {
    summary += "; " + std::to_string(c.unsafe_fixes) + " fixable with `shipshape fix --unsafe`";
  }
  out += paint(kBold, summary);
  out += '\n';
  return out;
}

}  // namespace shipshape
