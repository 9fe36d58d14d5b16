#include "dockerfile/ignore_comment.h"

#include <cctype>

namespace shipshape {

std::string_view TrimCommentSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ConsumeCommentWord(std::string_view* s, std::string_view word) {
  *s = TrimCommentSpace(*s);
  if (s->substr(0, word.size()) != word) return false;
  s->remove_prefix(word.size());
  return true;
}

bool ParseIgnoreComment(std::string_view comment, std::vector<std::string>* codes, bool* global) {
  std::string_view s = comment;
  if (!ConsumeCommentWord(&s, "#")) return false;
  if (!ConsumeCommentWord(&s, "shipshape") && !ConsumeCommentWord(&s, "hadolint")) return false;
  *global = ConsumeCommentWord(&s, "global");
  // hadolint's `stage` form is per stage; we treat it like the next-instruction form.
  if (!*global) ConsumeCommentWord(&s, "stage");
  if (!ConsumeCommentWord(&s, "ignore")) return false;
  if (!ConsumeCommentWord(&s, "=")) return false;
  s = TrimCommentSpace(s);
  // Codes end at whitespace (a trailing comment may follow).
  size_t end = 0;
  while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
  s = s.substr(0, end);
  size_t p = 0;
  while (p <= s.size()) {
    size_t c = s.find(',', p);
    if (c == std::string_view::npos) c = s.size();
    std::string_view code = TrimCommentSpace(s.substr(p, c - p));
    if (!code.empty()) codes->emplace_back(code);
    p = c + 1;
  }
  return !codes->empty();
}

}  // namespace shipshape
