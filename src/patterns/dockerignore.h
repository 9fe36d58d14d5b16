// `.dockerignore` patterns, read and matched the way BuildKit does it (moby/patternmatcher and its
// ignorefile reader), so rules can ask "does this context file reach the builder?".
//
// Reading (per line): a line whose first byte is `#` is a comment (a `#` after leading blanks is
// not); surrounding whitespace is trimmed; a leading `!` re-includes; the rest is cleaned like Go's
// filepath.Clean (`./a//b/` -> `a/b`, `a/../b` -> `b`) and a leading `/` is dropped, so `/foo`,
// `./foo` and `foo/` all mean the same: `foo` at the context root.
//
// Matching a slash-separated path relative to the context root:
//  - `*` matches any run of non-`/` bytes, `?` one non-`/` byte, `[a-z]`/`[^a]` a class, `\x` a
//    literal `x`;
//  - `**` matches any number of path segments, including none: `**/x` matches `x` and `a/b/x`,
//    `a/**` everything below `a`;
//  - there is no basename matching: unlike `.gitignore`, `*.pyc` only matches at the root;
//  - a pattern that matches a parent directory matches everything below it;
//  - patterns apply in order and the last one that matches decides (`!` lines re-include).
//
// The glob itself is patterns/glob.h in its BuildKit dialect; `.gitignore` is patterns/gitignore.h.
#ifndef SHIPSHAPE_PATTERNS_DOCKERIGNORE_H_
#define SHIPSHAPE_PATTERNS_DOCKERIGNORE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"
#include "patterns/glob.h"

namespace shipshape::dockerignore {

/// One compiled glob (without `!`), in BuildKit's semantics: patterns/glob.h's BuildKit dialect
/// behind patternmatcher's fast paths.
class Glob {
 public:
  Glob() = default;
  /// Compiles `pattern` (already cleaned). On a malformed pattern (an unclosed `[`, a bad range,
  /// a trailing `\`) ok() is false and error() says why; Match() is then false.
  explicit Glob(std::string_view pattern);

  bool ok() const { return compiled_.ok(); }
  const std::string& error() const { return compiled_.error(); }
  const std::string& pattern() const { return pattern_; }
  /// True if `path` (slash-separated, no leading `./`) matches the whole pattern.
  bool Match(std::string_view path) const;

 private:
  std::string pattern_;
  patterns::GlobPattern compiled_;
  /// BuildKit's fast paths, which differ from the regex in corner cases (`**foo` is a suffix).
  enum class Kind : uint8_t { kExact, kPrefix, kSuffix, kTokens } kind_ = Kind::kExact;
  std::string fixed_;  ///< kExact: the pattern; kPrefix/kSuffix: the literal part.
};

/// One line of a .dockerignore.
struct Pattern {
  std::string text;        ///< Cleaned pattern without `!` or leading `/`.
  bool exclusion = false;  ///< Written with a leading `!` (re-includes).
  TextRange range;         ///< The trimmed line as written (including `!`).
  Glob glob;
};

struct PatternError {
  std::string message;
  TextRange range;
};

/// Go's filepath.Clean for slash paths: collapses `//`, drops `.` segments, resolves `..`, drops a
/// trailing `/`. Returns "." for an empty result. (core's NormalizePath, which behaves the same.)
std::string CleanPath(std::string_view path);

class Matcher {
 public:
  Matcher() = default;
  /// Reads .dockerignore text (UTF-8 BOM, CRLF and comments handled as BuildKit does).
  static Matcher Parse(std::string_view text);
  /// Builds a matcher from pattern lines as they would be written in a .dockerignore.
  static Matcher FromLines(const std::vector<std::string>& lines);

  /// True if `path` is left out of the build context: the last pattern matching it (or one of
  /// its parent directories) is not a `!` pattern. `path` is relative to the context root;
  /// a leading `./` or `/` is ignored.
  bool Excluded(std::string_view path) const;

  const std::vector<Pattern>& patterns() const { return patterns_; }
  /// Lines BuildKit rejects (it then fails the build).
  const std::vector<PatternError>& errors() const { return errors_; }

 private:
  void AddLine(std::string_view line, uint32_t offset);
  std::vector<Pattern> patterns_;
  std::vector<PatternError> errors_;
};

}  // namespace shipshape::dockerignore

#endif  // SHIPSHAPE_PATTERNS_DOCKERIGNORE_H_
