#include "rules/context/dockerignore_match.h"

namespace shipshape::dockerignore {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

/// Length of the UTF-8 sequence starting with `lead` (1 for ASCII and stray bytes).
size_t Utf8Len(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
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
      auto get = [&](unsigned char* out) -> bool {
        if (j >= p.size() || p[j] == '-' || p[j] == ']') return false;
        if (p[j] == '\\') {
          ++j;
          if (j >= p.size()) return false;
        }
        *out = static_cast<unsigned char>(p[j]);
        j += Utf8Len(*out);
        return j < p.size();
      };
      while (true) {
        if (j < p.size() && p[j] == ']' && !tok.ranges.empty()) {
          ++j;
          closed = true;
          break;
        }
        unsigned char lo = 0, hi = 0;
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

bool Glob::ClassHas(const Token& tok, unsigned char c) const {
  bool in = false;
  for (const auto& [lo, hi] : tok.ranges)
    if (c >= lo && c <= hi) in = true;
  return in != tok.negated;
}

bool Glob::MatchFrom(size_t t, std::string_view path, size_t p, std::vector<int8_t>* memo) const {
  const size_t stride = path.size() + 1;
  int8_t& slot = (*memo)[t * stride + p];
  if (slot != 0) return slot > 0;
  bool result = false;
  if (t == tokens_.size()) {
    result = p == path.size();
  } else {
    const Token& tok = tokens_[t];
    switch (tok.op) {
      case Op::kLiteral:
        result = p < path.size() && path[p] == tok.ch && MatchFrom(t + 1, path, p + 1, memo);
        break;
      case Op::kQuestion:
        if (p < path.size() && path[p] != '/') {
          size_t n = Utf8Len(static_cast<unsigned char>(path[p]));
          if (p + n > path.size()) n = 1;
          result = MatchFrom(t + 1, path, p + n, memo);
        }
        break;
      case Op::kClass:
        result = p < path.size() && ClassHas(tok, static_cast<unsigned char>(path[p])) &&
                 MatchFrom(t + 1, path, p + 1, memo);
        break;
      case Op::kStar:
        for (size_t k = p;; ++k) {
          if (MatchFrom(t + 1, path, k, memo)) {
            result = true;
            break;
          }
          if (k >= path.size() || path[k] == '/') break;
        }
        break;
      case Op::kAnyDirs:
        // `(.*/)?`: nothing, or anything up to and including some later `/`.
        if (MatchFrom(t + 1, path, p, memo)) {
          result = true;
          break;
        }
        for (size_t k = p; k < path.size(); ++k) {
          if (path[k] == '/' && MatchFrom(t + 1, path, k + 1, memo)) {
            result = true;
            break;
          }
        }
        break;
      case Op::kAnyRest:
        result = true;
        break;
    }
  }
  slot = result ? 1 : -1;
  return result;
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
  std::vector<int8_t> memo((tokens_.size() + 1) * (path.size() + 1), 0);
  return MatchFrom(0, path, 0, &memo);
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
