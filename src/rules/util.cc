#include "rules/util.h"

#include <cctype>

namespace shipshape::rules {

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string MatchCase(std::string_view original, std::string_view replacement) {
  bool any_upper = false, any_lower = false;
  for (char c : original) {
    any_upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
    any_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
  }
  std::string out(replacement);
  if (any_upper && !any_lower) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else if (any_lower && !any_upper) {
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

uint32_t LineStartOf(std::string_view src, uint32_t offset) {
  if (offset > src.size()) offset = static_cast<uint32_t>(src.size());
  while (offset > 0 && src[offset - 1] != '\n') --offset;
  return offset;
}

uint32_t LineEndOf(std::string_view src, uint32_t offset) {
  size_t nl = src.find('\n', offset);
  return nl == std::string_view::npos ? static_cast<uint32_t>(src.size())
                                      : static_cast<uint32_t>(nl + 1);
}

std::string_view Newline(std::string_view src) {
  size_t nl = src.find('\n');
  if (nl != std::string_view::npos && nl > 0 && src[nl - 1] == '\r') return "\r\n";
  return "\n";
}

std::string_view IndentOf(std::string_view src, uint32_t offset) {
  uint32_t s = LineStartOf(src, offset);
  uint32_t e = s;
  while (e < src.size() && (src[e] == ' ' || src[e] == '\t')) ++e;
  return src.substr(s, e - s);
}

TextRange WholeLines(std::string_view src, TextRange r) {
  return {LineStartOf(src, r.start), LineEndOf(src, r.end > r.start ? r.end - 1 : r.end)};
}

const dockerfile::Instruction* LastOf(const dockerfile::Stage& stage, dockerfile::Keyword kind) {
  const dockerfile::Instruction* last = nullptr;
  for (const dockerfile::Instruction* ins : stage.instructions)
    if (ins->kind == kind) last = ins;
  return last;
}

}  // namespace shipshape::rules
