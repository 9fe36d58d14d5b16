// One glob matcher for the whole tree: `*`, `?`, `[...]` and `\` escapes compiled once and
// matched by one engine, in the three dialects Docker tooling meets.
//
//  - kFnmatch (the default) is POSIX fnmatch(3) without flags: `*` and `?` also match `/`, so
//    `docker.io/library/*` matches `docker.io/library/a/b`. Image-name tables, registry allow
//    lists and shell words use it. Classes: `[abc]`, `[a-z]`, `[!a]` or `[^a]`, `]` first is
//    literal, `[[:alpha:]]`; an unclosed `[` is a literal `[`.
//  - kGit is git's wildmatch with WM_PATHNAME, as .gitignore uses it: `*`, `?` and classes never
//    match `/`; `**` is special only as a whole path segment: `**/x` matches `x` in any directory,
//    `a/**` everything inside `a`, `a/**/b` zero or more directories between; any other `**` is
//    a plain `*`. An unclosed `[` makes the pattern match nothing.
//  - kBuildKit is `.dockerignore`'s (moby/patternmatcher): Go's filepath.Match syntax, where
//    `*`, `?` and classes stop at `/` and match code points (UTF-8), negation is `[^a]` only, and
//    a malformed pattern is an error (ok() false, error() says why); plus `**`, special wherever
//    it appears: `**` or `**/` before more pattern matches zero or more directories, a final `**`
//    everything. patterns/dockerignore.h adds BuildKit's fast paths and reading rules.
//
// Matching is a dynamic programme over the compiled pattern: O(pattern x text) time whatever the
// stars, no recursion, so hostile patterns cannot blow the stack or the clock.
#ifndef SHIPSHAPE_PATTERNS_GLOB_H_
#define SHIPSHAPE_PATTERNS_GLOB_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shipshape::patterns {

enum class GlobDialect : uint8_t { kFnmatch, kGit, kBuildKit };

/// A compiled glob. Compile once when the same pattern is matched against many texts.
class GlobPattern {
 public:
  GlobPattern() = default;
  explicit GlobPattern(std::string_view pattern, GlobDialect dialect = GlobDialect::kFnmatch);

  /// False for a pattern its dialect rejects (all: a trailing `\`; kGit: an unclosed `[`;
  /// kBuildKit: see error()). Such a pattern matches nothing.
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  /// True if `text` matches the whole pattern.
  bool Match(std::string_view text) const;

 private:
  enum class Op : uint8_t { kLiteral, kAny, kClass, kStar, kAnyDirs, kAnyRest };
  struct Token {
    Op op = Op::kLiteral;
    char ch = 0;
    bool negated = false;
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  ///< kClass
  };
  void Push(Op op, char ch = 0);
  /// Parses the class starting at p[i] == '['; false (with error_ set for BuildKit) if malformed.
  bool ParseClass(std::string_view p, size_t* i);
  bool ClassHas(const Token& t, uint32_t c) const;

  std::vector<Token> tokens_;
  GlobDialect dialect_ = GlobDialect::kFnmatch;
  std::string error_;
};

/// True if `text` matches `pattern` (compiles it each call).
bool GlobMatch(std::string_view pattern, std::string_view text,
               GlobDialect dialect = GlobDialect::kFnmatch);

}  // namespace shipshape::patterns

#endif  // SHIPSHAPE_PATTERNS_GLOB_H_
