#include "patterns/dockerignore.h"

#include "core/strings.h"
#include "core/workspace.h"

namespace shipshape::dockerignore {
namespace {

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

std::string CleanPath(std::string_view path) { return NormalizePath(path); }

// ---- Glob -------------------------------------------------------------------------------------

Glob::Glob(std::string_view pattern) : pattern_(pattern), compiled_(pattern, patterns::GlobDialect::kBuildKit) {
  // Mirrors patternmatcher's compile(): a pattern stays an exact match until a wildcard shows
  // up; a trailing `**` on an otherwise literal pattern is a prefix match, and a leading `**` is a
  // suffix match unless a later wildcard makes it a regex.
  const std::string_view p = pattern_;
  for (size_t i = 0; i < p.size() && kind_ != Kind::kTokens;) {
    if (p.substr(i, 2) == "**") {
      const bool first = i == 0;
      i += 2;
      if (i < p.size() && p[i] == '/') ++i;
      kind_ = i >= p.size() && kind_ == Kind::kExact ? Kind::kPrefix : Kind::kTokens;
      if (first) kind_ = Kind::kSuffix;
    } else if (p[i] == '*' || p[i] == '?' || p[i] == '\\' || p[i] == '[' || p[i] == ']') {
      kind_ = Kind::kTokens;
    } else {
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
  return compiled_.Match(path);
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

}  // namespace shipshape::dockerignore
