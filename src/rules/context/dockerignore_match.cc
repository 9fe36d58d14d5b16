#include "rules/context/dockerignore_match.h"

#include "core/strings.h"

namespace shipshape::dockerignore {
namespace {


/// Length of the UTF-8 sequence starting with `lead` (1 for ASCII and stray bytes).
size_t Utf8Len(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

/// Code point at `s[i]` and its byte length (a malformed sequence reads as its first byte).
uint32_t DecodeRune(std::string_view s, size_t i, size_t* len) {
  const auto lead = static_cast<unsigned char>(s[i]);
  size_t n = Utf8Len(lead);
  if (n == 1 || i + n > s.size()) {
    *len = 1;
    return lead;
  }
  uint32_t cp = lead & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      *len = 1;
      return lead;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *len = n;
  return cp;
}

std::string_view StripDotSlash(std::string_view path) {
  while (true) {
    if (path.substr(0, 2) == "./") {
      path.remove_prefix(2);
    } else if (!path.empty() && path.front() == '/') {
      path.remove_prefix(1);
    } else {
      return path;
    }
  }
}

}  // namespace

std::string CleanPath(std::string_view path) {
  const bool rooted = !path.empty() && path.front() == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part.empty() || part == ".") {
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
    } else {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = rooted ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = ".";
  return out;
}

// ---- Glob -------------------------------------------------------------------------------------

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  // Mirrors patternmatcher's compile(): a pattern stays an exact match until a wildcard shows
  // up; a trailing `**` on an otherwise literal pattern is a prefix match, and a leading `**` is a
  // suffix match unless a later wildcard makes it a regex.
  const std::string_view p = pattern_;
  size_t i = 0;
  size_t index = 0;  // Rune index, like the scanner loop counter.
  for (; i < p.size(); ++index) {
    const char ch = p[i];
    if (ch == '*') {
      if (i + 1 < p.size() && p[i + 1] == '*') {
        i += 2;
        if (i < p.size() && p[i] == '/') ++i;
        if (i >= p.size()) {
          if (kind_ == Kind::kExact) {
            kind_ = Kind::kPrefix;
          } else {
            tokens_.push_back(MakeToken(Op::kAnyRest));
            kind_ = Kind::kTokens;
          }
        } else {
          tokens_.push_back(MakeToken(Op::kAnyDirs));
          kind_ = Kind::kTokens;
        }
        if (index == 0) kind_ = Kind::kSuffix;
        continue;
      }
      tokens_.push_back(MakeToken(Op::kStar));
      kind_ = Kind::kTokens;
      ++i;
    } else if (ch == '?') {
      tokens_.push_back(MakeToken(Op::kQuestion));
      kind_ = Kind::kTokens;
      ++i;
    } else if (ch == '\\') {
      if (i + 1 < p.size()) {
        tokens_.push_back(MakeToken(Op::kLiteral, p[i + 1]));
        kind_ = Kind::kTokens;
        i += 2;
      } else {
        // filepath.Match rejects a trailing backslash before the pattern is ever used.
        error_ = "trailing backslash";
        return;
      }
    } else if (ch == '[') {
      Token tok;
      tok.op = Op::kClass;
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') {
        tok.negated = true;
        ++j;
      }
      bool closed = false;
      // Same rules as Go's filepath.Match: `]` closes only after at least one item, `-` and `]`
      // cannot start an item, `\` escapes.
      auto get = [&](uint32_t* out) -> bool {
        if (j >= p.size() || p[j] == '-' || p[j] == ']') return false;
        if (p[j] == '\\') {
          ++j;
          if (j >= p.size()) return false;
        }
        size_t len = 1;
        *out = DecodeRune(p, j, &len);
        j += len;
        return j < p.size();
      };
      while (true) {
        if (j < p.size() && p[j] == ']' && !tok.ranges.empty()) {
          ++j;
          closed = true;
          break;
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
          return;
        }
        tok.ranges.emplace_back(lo, hi);
      }
      if (!closed) {
        error_ = "malformed character class";
        return;
      }
      tokens_.push_back(std::move(tok));
      kind_ = Kind::kTokens;
      i = j;
    } else {
      tokens_.push_back(MakeToken(Op::kLiteral, ch));
      if (ch == ']') kind_ = Kind::kTokens;
      ++i;
    }
  }
  if (kind_ == Kind::kExact) {
    fixed_ = pattern_;
  } else if (kind_ == Kind::kPrefix) {
    fixed_ = pattern_.substr(0, pattern_.size() - 2);
  } else if (kind_ == Kind::kSuffix) {
    fixed_ = pattern_.substr(2);
  }
}

bool Glob::ClassHas(const Token& tok, uint32_t c) const {
  bool in = false;
  for (const auto& [lo, hi] : tok.ranges)
    if (c >= lo && c <= hi) in = true;
  return in != tok.negated;
}

bool Glob::MatchTokens(std::string_view path) const {
  // Bottom-up over the tokens, one row per token: row[p] says whether tokens t.. match path[p..].
  // O(tokens x length) time and O(length) memory whatever the stars, no recursion.
  const size_t n = path.size();
  std::vector<uint8_t> next(n + 1, 0), cur(n + 1, 0);
  next[n] = 1;  // No tokens left: only the end of the path matches.
  for (size_t t = tokens_.size(); t-- > 0;) {
    const Token& tok = tokens_[t];
    uint8_t scan = 0;  // kAnyDirs: some later `/` at k >= p has next[k + 1].
    for (size_t p = n + 1; p-- > 0;) {
      uint8_t r = 0;
      switch (tok.op) {
        case Op::kLiteral:
          r = p < n && path[p] == tok.ch && next[p + 1];
          break;
        case Op::kQuestion:
        case Op::kClass:
          if (p < n && (tok.op == Op::kClass || path[p] != '/')) {
            size_t len = 1;
            const uint32_t c = DecodeRune(path, p, &len);
            r = (tok.op == Op::kQuestion || ClassHas(tok, c)) && next[p + len];
          }
          break;
        case Op::kStar:
          r = next[p] || (p < n && path[p] != '/' && cur[p + 1]);
          break;
        case Op::kAnyDirs:
          if (p < n && path[p] == '/' && next[p + 1]) scan = 1;
          r = next[p] || scan;
          break;
        case Op::kAnyRest:
          r = 1;
          break;
      }
      cur[p] = r;
    }
    std::swap(cur, next);
  }
  return next[0] != 0;
}

bool Glob::Match(std::string_view path) const {
  if (!ok()) return false;
  switch (kind_) {
    case Kind::kExact:
      return path == fixed_;
    case Kind::kPrefix:
      return path.substr(0, fixed_.size()) == fixed_;
    case Kind::kSuffix:
      if (path.size() >= fixed_.size() &&
          path.substr(path.size() - fixed_.size()) == fixed_)
        return true;
      // `**/foo` matches "foo".
      return !fixed_.empty() && fixed_.front() == '/' && path == std::string_view(fixed_).substr(1);
    case Kind::kTokens:
      break;
  }
  // Longer than any real path (PATH_MAX): not worth the time, and not a file Docker would send.
  if (path.size() > 16384) return false;
  return MatchTokens(path);
}

// ---- Matcher ----------------------------------------------------------------------------------

void Matcher::AddLine(std::string_view raw, uint32_t offset) {
  // ignorefile.ReadAll: `#` comments only in the first column, then trim.
  if (!raw.empty() && raw.front() == '#') return;
  std::string_view line = Trim(raw);
  if (line.empty()) return;
  const uint32_t start = offset + static_cast<uint32_t>(line.data() - raw.data());
  const TextRange range{start, start + static_cast<uint32_t>(line.size())};
  bool invert = line.front() == '!';
  std::string_view body = invert ? Trim(line.substr(1)) : line;
  std::string cleaned;
  if (!body.empty()) {
    cleaned = CleanPath(body);
    if (cleaned.size() > 1 && cleaned.front() == '/') cleaned.erase(0, 1);
  }
  if (invert && cleaned.empty()) {
    errors_.push_back({"illegal exclusion pattern: \"!\"", range});
    return;
  }
  Pattern pat;
  pat.text = std::move(cleaned);
  pat.exclusion = invert;
  pat.range = range;
  pat.glob = Glob(pat.text);
  if (!pat.glob.ok()) errors_.push_back({"syntax error in pattern `" + pat.text + "`: " + pat.glob.error(), range});
  patterns_.push_back(std::move(pat));
}

Matcher Matcher::Parse(std::string_view text) {
  Matcher m;
  uint32_t offset = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") offset = 3;
  while (offset <= text.size()) {
    size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(offset, end - offset);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    m.AddLine(line, offset);
    if (end == text.size()) break;
    offset = static_cast<uint32_t>(end + 1);
  }
  return m;
}

Matcher Matcher::FromLines(const std::vector<std::string>& lines) {
  Matcher m;
  for (const std::string& l : lines) m.AddLine(l, 0);
  return m;
}

bool Matcher::Excluded(std::string_view raw_path) const {
  const std::string file = CleanPath(StripDotSlash(raw_path));
  if (file == "." || file.empty()) return false;  // The context root itself is never excluded.
  const size_t last_slash = file.rfind('/');
  bool matched = false;
  for (const Pattern& pat : patterns_) {
    // The last matching pattern decides, so a pattern that cannot flip the result is skipped.
    if (pat.exclusion != matched) continue;
    bool match = pat.glob.Match(file);
    if (!match && last_slash != std::string::npos) {
      // A pattern that matches a parent directory matches everything below it.
      for (size_t k = file.find('/'); k != std::string::npos && k <= last_slash;
           k = file.find('/', k + 1)) {
        if (pat.glob.Match(std::string_view(file).substr(0, k))) {
          match = true;
          break;
        }
      }
    }
    if (match) matched = !pat.exclusion;
  }
  return matched;
}

// ---- GitignoreMatcher -------------------------------------------------------------------------

GitignoreMatcher::GitignoreMatcher(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Line l;
    if (line.front() == '!') {
      l.negated = true;
      line.remove_prefix(1);
    } else if (line.front() == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      l.dir_only = true;
      while (!line.empty() && line.back() == '/') line.remove_suffix(1);
    }
    if (line.empty()) continue;
    l.anchored = line.find('/') != std::string_view::npos;
    while (!line.empty() && line.front() == '/') line.remove_prefix(1);
    l.glob = Glob(line);
    if (!l.glob.ok()) continue;
    lines_.push_back(std::move(l));
  }
}

int GitignoreMatcher::Decide(std::string_view raw_path, bool is_dir) const {
  const std::string path = CleanPath(StripDotSlash(raw_path));
  auto decide_one = [&](std::string_view p, bool dir) {
    const size_t slash = p.rfind('/');
    const std::string_view base = slash == std::string_view::npos ? p : p.substr(slash + 1);
    int result = 0;
    for (const Line& l : lines_) {
      if (l.dir_only && !dir) continue;
      if (l.glob.Match(l.anchored ? p : base)) result = l.negated ? -1 : 1;
    }
    return result;
  };
  // Git does not descend into an ignored directory, so nothing inside can be re-included.
  for (size_t k = path.find('/'); k != std::string::npos; k = path.find('/', k + 1))
    if (decide_one(std::string_view(path).substr(0, k), true) > 0) return 1;
  return decide_one(path, is_dir);
}

}  // namespace shipshape::dockerignore
