#include "lint/suppression.h"

#include <cctype>
#include <string>
#include <vector>

namespace shipshape {
namespace {

struct Line {
  size_t start = 0, end = 0;  ///< without the line break
  size_t indent = 0;
  size_t comment = std::string_view::npos;  ///< offset of `#` starting a comment, if any
  bool blank = false;                       ///< empty, or only a comment
};

std::vector<Line> SplitYamlLines(std::string_view text) {
  std::vector<Line> lines;
  size_t p = 0;
  while (p <= text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    Line l;
    l.start = p;
    l.end = e > p && text[e - 1] == '\r' ? e - 1 : e;
    while (l.start + l.indent < l.end &&
           (text[l.start + l.indent] == ' ' || text[l.start + l.indent] == '\t'))
      ++l.indent;
    char quote = 0;
    for (size_t i = l.start + l.indent; i < l.end; ++i) {
      const char c = text[i];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == '\\' && quote == '"') ++i;
      } else if ((c == '\'' || c == '"') && (i == l.start || text[i - 1] == ' ' ||
                                              text[i - 1] == ':' || text[i - 1] == '-' ||
                                              text[i - 1] == '[' || text[i - 1] == ',')) {
        quote = c;
      } else if (c == '#' && (i == l.start + l.indent || text[i - 1] == ' ' || text[i - 1] == '\t')) {
        l.comment = i;
        break;
      }
    }
    l.blank = l.start + l.indent == l.end || l.comment == l.start + l.indent;
    lines.push_back(l);
    if (e == text.size()) break;
    p = e + 1;
  }
  return lines;
}

// The byte range of line `t` and the block nested under it (deeper lines, and a sequence written
// at the key's own indentation right below a `key:` line).
TextRange BlockOf(std::string_view text, const std::vector<Line>& lines, size_t t) {
  size_t last = t;
  const std::string_view head = text.substr(lines[t].start, lines[t].end - lines[t].start);
  const bool key_line = head.find(':') != std::string_view::npos;
  for (size_t i = t + 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.blank) continue;
    const bool deeper = l.indent > lines[t].indent;
    const bool same_level_seq = key_line && l.indent == lines[t].indent &&
                                text[l.start + l.indent] == '-' &&
                                text[lines[t].start + lines[t].indent] != '-';
    if (!deeper && !same_level_seq) break;
    last = i;
  }
  return {static_cast<uint32_t>(lines[t].start), static_cast<uint32_t>(lines[last].end)};
}

std::vector<std::string> SplitCodes(std::string_view s) {
  std::vector<std::string> codes;
  size_t p = 0;
  while (p <= s.size()) {
    size_t c = s.find_first_of(", \t", p);
    if (c == std::string_view::npos) c = s.size();
    std::string_view code = s.substr(p, c - p);
    if (!code.empty()) codes.emplace_back(code);
    p = c + 1;
  }
  return codes;
}

}  // namespace

Suppressions CollectYamlSuppressions(std::string_view text) {
  Suppressions sup;
  if (text.find('#') == std::string_view::npos) return sup;
  const std::vector<Line> lines = SplitYamlLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.comment == std::string_view::npos) continue;
    const std::string_view comment = text.substr(l.comment, l.end - l.comment);
    const bool own_line = l.comment == l.start + l.indent;
    // The line the comment is about: its own line (trailing), or the next line with content.
    size_t target = i;
    if (own_line) {
      target = i + 1;
      while (target < lines.size() && lines[target].blank) ++target;
    }
    std::vector<std::string> codes;
    bool global = false;
    std::string_view s = TrimCommentSpace(comment);
    if (ParseIgnoreComment(comment, &codes, &global)) {
      // shipshape's own form: handled below
    } else if (ConsumeCommentWord(&s, "#") && ConsumeCommentWord(&s, "dclint")) {
      s = TrimCommentSpace(s);
      if (ConsumeCommentWord(&s, "disable-file")) {
        global = true;
      } else if (ConsumeCommentWord(&s, "disable-next-line")) {
        target = i + 1;
        while (target < lines.size() && lines[target].blank) ++target;
        codes = SplitCodes(TrimCommentSpace(s));
      } else if (ConsumeCommentWord(&s, "disable-line")) {
        target = i;
        codes = SplitCodes(TrimCommentSpace(s));
      } else if (ConsumeCommentWord(&s, "disable")) {
        global = true;
        codes = SplitCodes(TrimCommentSpace(s));
      } else {
        continue;
      }
      if (codes.empty()) codes.push_back("all");
    } else {
      continue;
    }
    if (global) {
      sup.global.insert(sup.global.end(), codes.begin(), codes.end());
    } else if (target < lines.size()) {
      sup.scoped.push_back({BlockOf(text, lines, target), std::move(codes)});
    }
  }
  return sup;
}

bool Suppressions::Suppressed(const Rule& rule, TextRange at) const {
  auto matches = [&](const std::string& code) { return code == "all" || rule.Matches(code); };
  for (const std::string& g : global)
    if (matches(g)) return true;
  if (buildkit_skip_all) {
    for (const Alias& a : rule.aliases)
      if (a.tool == "buildkit") return true;
  }
  for (const Scoped& s : scoped) {
    if (at.start < s.range.start || at.start > s.range.end) continue;
    for (const std::string& c : s.codes)
      if (matches(c)) return true;
  }
  return false;
}

}  // namespace shipshape
