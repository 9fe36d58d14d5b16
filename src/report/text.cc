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

/// Columns the code point starting at `line[i]` takes once EscapeControls has made control
/// characters visible (`\x1b` is four); `*len` is set to its length in bytes.
uint32_t ShownWidth(std::string_view line, size_t i, size_t* len) {
  size_t n = 1;
  while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
  *len = n;
  const unsigned char c = static_cast<unsigned char>(line[i]);
  if (c >= 0x20 && c < 0x7F) return 1;
  const size_t escaped = EscapeControls(line.substr(i, n)).size();
  return escaped == n ? 1 : static_cast<uint32_t>(escaped);
}

/// The caret line for `line` (masked, before escaping): whitespace mirroring tabs up to `col`,
/// then carets under the `width` code points from `col`, as wide as they are shown.
std::string Carets(std::string_view line, uint32_t col, uint32_t width) {
  std::string out;
  uint32_t cp = 1;
  uint32_t carets = 0;
  for (size_t i = 0, len = 1; i < line.size() && cp < col + std::max<uint32_t>(width, 1);
       i += len, ++cp) {
    const uint32_t shown = ShownWidth(line, i, &len);
    if (cp >= col) {
      carets += shown;
    } else if (line[i] == '\t') {
      out += '\t';
    } else {
      out.append(shown, ' ');
    }
  }
  if (cp < col) out.append(col - cp, ' ');
  out.append(std::max<uint32_t>(carets, 1), '^');
  return out;
}

void RenderOne(const Item& it, const RenderOptions& opts, const Painter& paint, std::string* out) {
  const Diagnostic& d = *it.diag;
  const report::Position& p = it.pos;
  std::string loc = EscapeControls(it.path);
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
  *out += paint(kBold, EscapeControls(it.message));
  *out += '\n';

  const std::string gutter_num = std::to_string(p.line);
  const std::string pad(gutter_num.size() + 1, ' ');
  if (opts.show_source) {
    const std::string full = it.mask->Line(p.line);
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
    if (!line.empty()) *out += ' ' + EscapeControls(line);
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
    *out += EscapeControls(report::SafeText(d.fix->title));
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
      *out += EscapeControls(report::SafeText(d.related[i]));
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
    out += EscapeControls(s.path) + ": skipped: " + EscapeControls(s.reason) + '\n';

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
