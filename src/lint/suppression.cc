#include "lint/suppression.h"

#include <cctype>

namespace shipshape {
namespace {

std::string_view TrimWs(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool Consume(std::string_view* s, std::string_view word) {
  *s = TrimWs(*s);
  if (s->substr(0, word.size()) != word) return false;
  s->remove_prefix(word.size());
  return true;
}

}  // namespace

bool ParseIgnoreComment(std::string_view comment, std::vector<std::string>* codes, bool* global) {
  std::string_view s = comment;
  if (!Consume(&s, "#")) return false;
  if (!Consume(&s, "shipshape") && !Consume(&s, "hadolint")) return false;
  *global = Consume(&s, "global");
  // hadolint's `stage` form is per stage; we treat it like the next-instruction form.
  if (!*global) Consume(&s, "stage");
  if (!Consume(&s, "ignore")) return false;
  if (!Consume(&s, "=")) return false;
  s = TrimWs(s);
  // Codes end at whitespace (a trailing comment may follow).
  size_t end = 0;
  while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
  s = s.substr(0, end);
  size_t p = 0;
  while (p <= s.size()) {
    size_t c = s.find(',', p);
    if (c == std::string_view::npos) c = s.size();
    std::string_view code = TrimWs(s.substr(p, c - p));
    if (!code.empty()) codes->emplace_back(code);
    p = c + 1;
  }
  return !codes->empty();
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
