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
// The same glob engine also answers `.gitignore` questions (different anchoring rules, see
// GitignoreMatcher), which rules need for "is .env kept out of git".
#ifndef SHIPSHAPE_RULES_CONTEXT_DOCKERIGNORE_MATCH_H_
#define SHIPSHAPE_RULES_CONTEXT_DOCKERIGNORE_MATCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"

namespace shipshape::dockerignore {

/// One compiled glob (without `!`), in BuildKit's semantics.
class Glob {
 public:
  Glob() = default;
  /// Compiles `pattern` (already cleaned). On a malformed pattern (an unclosed `[`, a bad range,
  /// a trailing `\` inside a class) ok() is false and error() says why; Match() is then false.
  explicit Glob(std::string_view pattern);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& pattern() const { return pattern_; }
  /// True if `path` (slash-separated, no leading `./`) matches the whole pattern.
  bool Match(std::string_view path) const;

 private:
  enum class Op : uint8_t { kLiteral, kStar, kQuestion, kClass, kAnyDirs, kAnyRest };
  struct Token {
    Op op = Op::kLiteral;
    char ch = 0;
    bool negated = false;
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  ///< kClass (code points)
  };
  static Token MakeToken(Op op, char ch = 0) {
    Token t;
    t.op = op;
    t.ch = ch;
    return t;
  }
  bool MatchTokens(std::string_view path) const;
  bool ClassHas(const Token& tok, uint32_t c) const;

  std::string pattern_;
  std::string error_;
  std::vector<Token> tokens_;
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
/// trailing `/`. Returns "." for an empty result.
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

/// `.gitignore` semantics for one file's patterns, relative to the directory holding it: a
/// pattern without a `/` (other than a trailing one) matches a name at any depth; one with a `/`
/// is anchored; a trailing `/` matches directories only; `**` as in git; the last match wins; a
/// file inside an ignored directory stays ignored (git cannot re-include it).
class GitignoreMatcher {
 public:
  explicit GitignoreMatcher(std::string_view text);
  /// Result for `path` (relative to the .gitignore's directory): +1 ignored, -1 explicitly
  /// re-included (`!`), 0 no pattern matched.
  int Decide(std::string_view path, bool is_dir) const;

 private:
  struct Line {
    Glob glob;
    bool negated = false;
    bool dir_only = false;
    bool anchored = false;
  };
  std::vector<Line> lines_;
};

}  // namespace shipshape::dockerignore

#endif  // SHIPSHAPE_RULES_CONTEXT_DOCKERIGNORE_MATCH_H_
