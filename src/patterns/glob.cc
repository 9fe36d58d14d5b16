#include "patterns/glob.h"

namespace shipshape::patterns {
namespace {

// The code point at s[i] and its length; a stray or truncated byte is itself, length 1.
uint32_t DecodeRune(std::string_view s, size_t i, size_t* len) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  *len = 1;
  if (n == 1 || i + n > s.size()) return lead;
  uint32_t cp = lead & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return lead;
    cp = (cp << 6) | (c & 0x3F);
  }
  *len = n;
  return cp;
}

// `[:name:]` inside a class (fnmatch and git): the ranges it stands for; empty if unknown.
std::vector<std::pair<uint32_t, uint32_t>> PosixClass(std::string_view name) {
  using R = std::vector<std::pair<uint32_t, uint32_t>>;
  if (name == "alpha") return R{{'a', 'z'}, {'A', 'Z'}};
  if (name == "digit") return R{{'0', '9'}};
  if (name == "alnum") return R{{'a', 'z'}, {'A', 'Z'}, {'0', '9'}};
  if (name == "upper") return R{{'A', 'Z'}};
  if (name == "lower") return R{{'a', 'z'}};
  if (name == "space") return R{{' ', ' '}, {'\t', '\r'}};
  if (name == "blank") return R{{' ', ' '}, {'\t', '\t'}};
  if (name == "xdigit") return R{{'0', '9'}, {'a', 'f'}, {'A', 'F'}};
  if (name == "punct") return R{{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}};
  if (name == "print") return R{{' ', '~'}};
  if (name == "graph") return R{{'!', '~'}};
  if (name == "cntrl") return R{{0, 31}, {127, 127}};
  return {};
}

}  // namespace

void GlobPattern::Push(Op op, char ch) {
  Token t;
  t.op = op;
  t.ch = ch;
  tokens_.push_back(std::move(t));
}

bool GlobPattern::ParseClass(std::string_view p, size_t* pos) {
  Token t;
  t.op = Op::kClass;
  size_t j = *pos + 1;
  const bool go = dialect_ == GlobDialect::kBuildKit;
  if (j < p.size() && (p[j] == '^' || (!go && p[j] == '!'))) {
    t.negated = true;
    ++j;
  }
  if (go) {
    // Go's filepath.Match: `]` closes only after an item, `-` and `]` cannot start an item,
    // `\` escapes, ranges must not run backwards.
    auto get = [&](uint32_t* out) {
      if (j >= p.size() || p[j] == '-' || p[j] == ']') return false;
      if (p[j] == '\\' && ++j >= p.size()) return false;
      size_t len = 1;
      *out = DecodeRune(p, j, &len);
      j += len;
      return j < p.size();
    };
    while (true) {
      if (j < p.size() && p[j] == ']' && !t.ranges.empty()) {
        tokens_.push_back(std::move(t));
        *pos = j + 1;
        return true;
      }
      uint32_t lo = 0, hi = 0;
      if (!get(&lo)) break;
      hi = lo;
      if (p[j] == '-') {
        ++j;
        if (!get(&hi)) break;
      }
      if (hi < lo) {
        error_ = "invalid character class range";
        return false;
      }
      t.ranges.emplace_back(lo, hi);
    }
    error_ = "malformed character class";
    return false;
  }
  for (bool first = true; j < p.size(); first = false) {
    if (p[j] == ']' && !first) {
      tokens_.push_back(std::move(t));
      *pos = j + 1;
      return true;
    }
    if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      if (const size_t end = p.find(":]", j + 2); end != std::string_view::npos) {
        for (auto r : PosixClass(p.substr(j + 2, end - j - 2))) t.ranges.push_back(r);
        j = end + 2;
        continue;
      }
    }
    if (p[j] == '\\' && j + 1 < p.size()) ++j;
    const uint32_t lo = static_cast<unsigned char>(p[j++]);
    uint32_t hi = lo;
    if (j + 1 < p.size() && p[j] == '-' && p[j + 1] != ']') {
      j += (p[j + 1] == '\\' && j + 2 < p.size()) ? 2 : 1;
      hi = static_cast<unsigned char>(p[j++]);
    }
    t.ranges.emplace_back(lo, hi);
  }
  if (dialect_ == GlobDialect::kGit) error_ = "unclosed character class";
  return false;
}

GlobPattern::GlobPattern(std::string_view p, GlobDialect dialect) : dialect_(dialect) {
  const bool go = dialect_ == GlobDialect::kBuildKit;
  size_t i = 0;
  while (i < p.size() && error_.empty()) {
    const char c = p[i];
    if (c == '*') {
      size_t j = i;
      while (j < p.size() && p[j] == '*') ++j;
      // `**` crosses directories: anywhere in BuildKit (which eats one `/` after it), only as a
      // whole segment in git. Elsewhere, and in fnmatch, stars are one star.
      const bool segment = (i == 0 || p[i - 1] == '/') && (j == p.size() || p[j] == '/');
      if (j - i >= 2 && (go || (dialect_ == GlobDialect::kGit && segment))) {
        if (go) j = i + 2;  // BuildKit reads stars pairwise
        if (j < p.size() && p[j] == '/') ++j;
        Push(j >= p.size() ? Op::kAnyRest : Op::kAnyDirs);
        i = j;
        continue;
      }
      Push(Op::kStar);
      i = go ? i + 1 : j;
    } else if (c == '?') {
      Push(Op::kAny);
      ++i;
    } else if (c == '\\') {
      if (i + 1 < p.size()) {
        Push(Op::kLiteral, p[i + 1]);
        i += 2;
      } else {
        error_ = "trailing backslash";  // filepath.Match rejects it; fnmatch and git never match
      }
    } else if (c == '[') {
      if (ParseClass(p, &i)) continue;
      if (!error_.empty()) break;
      Push(Op::kLiteral, '[');  // fnmatch: an unclosed `[` is an ordinary character
      ++i;
    } else {
      Push(Op::kLiteral, c);
      ++i;
    }
  }
  if (!error_.empty()) tokens_.clear();
}

bool GlobPattern::ClassHas(const Token& t, uint32_t c) const {
  bool in = false;
  for (const auto& [lo, hi] : t.ranges) in = in || (c >= lo && c <= hi);
  return in != t.negated;
}

bool GlobPattern::Match(std::string_view text) const {
  if (!ok()) return false;
  const bool stop_at_slash = dialect_ != GlobDialect::kFnmatch;
  const bool runes = dialect_ == GlobDialect::kBuildKit;
  // Bottom-up over the tokens: next[k] says whether the tokens after the current one match
  // text[k..]; cur is filled from the end of the text so that a star can extend to the right.
  const size_t n = text.size();
  std::vector<uint8_t> next(n + 1, 0), cur(n + 1, 0);
  next[n] = 1;
  for (size_t ti = tokens_.size(); ti-- > 0;) {
    const Token& t = tokens_[ti];
    uint8_t dirs = 0;  // kAnyDirs: some `/` at m >= k with next[m + 1]
    for (size_t k = n + 1; k-- > 0;) {
      const bool wild_ok = k < n && !(stop_at_slash && text[k] == '/');
      uint8_t r = 0;
      switch (t.op) {
        case Op::kLiteral: r = k < n && text[k] == t.ch && next[k + 1]; break;
        case Op::kAny:
        case Op::kClass:
          if (wild_ok) {
            size_t len = 1;
            const uint32_t c = runes ? DecodeRune(text, k, &len) : static_cast<unsigned char>(text[k]);
            r = (t.op == Op::kAny || ClassHas(t, c)) && next[k + len];
          }
          break;
        case Op::kStar: r = next[k] || (wild_ok && cur[k + 1]); break;
        case Op::kAnyDirs:
          if (k < n && text[k] == '/' && next[k + 1]) dirs = 1;
          r = next[k] || dirs;
          break;
        case Op::kAnyRest: r = 1; break;
      }
      cur[k] = r;
    }
    std::swap(cur, next);
  }
  return next[0] != 0;
}

bool GlobMatch(std::string_view pattern, std::string_view text, GlobDialect dialect) {
  return GlobPattern(pattern, dialect).Match(text);
}

}  // namespace shipshape::patterns
