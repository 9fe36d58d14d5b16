// The glob matcher in its three dialects: fnmatch (checked against the C library's fnmatch(3)
// itself), git's wildmatch (gitignore(5) examples) and BuildKit's (Go filepath.Match + `**`).
#include "patterns/glob.h"

#include <fnmatch.h>
#include <gtest/gtest.h>

#include <string>

namespace shipshape::patterns {
namespace {

TEST(Glob, FnmatchDialectAgreesWithLibc) {
  const char* patterns[] = {"*",      "*.tar.gz", "a?c",     "[abc]x",  "[!a]x",   "[^a]x",   "[a-c]*",
                            "[]]",    "[!]]",     "\\*",     "a\\?c",   "[",       "a[b",     "*/redis",
                            "d/*",    "**",       "a*b*c",   "[[:digit:]]*", "[[:alpha:]_]*", "x\\",
                            "*[0-9]", "?",        "",        "a**/b",   "docker.io/library/*"};
  const char* texts[] = {"",        "a",     "abc",   "a/c",  "x.tar.gz", "/tmp/x.tar.gz", "bx",  "ax",
                         "]",       "*",     "a?c",   "[",    "a[b",      "bitnami/redis", "redis", "d/e/f",
                         "axxbyyc", "7up",   "_x",    "x\\",  "v1",       "a/b",  "a/x/b", "docker.io/library/a/b"};
  for (const char* p : patterns) {
    const GlobPattern g(p);
    for (const char* t : texts)
      EXPECT_EQ(g.Match(t), ::fnmatch(p, t, 0) == 0) << "pattern `" << p << "` text `" << t << "`";
  }
}

TEST(Glob, GitDialect) {
  struct Case {
    const char* pattern;
    const char* text;
    bool match;
  };
  const Case cases[] = {
      {"*.env", "a.env", true},        {"*.env", "d/a.env", false},  // `*` stops at `/`
      {"?", "/", false},               {"[/]", "/", false},
      {"**/foo", "foo", true},         {"**/foo", "a/b/foo", true},
      {"**/foo/bar", "x/foo/bar", true}, {"abc/**", "abc/x/y", true},
      {"abc/**", "abc", false},        {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/y/b", true},     {"a/**/b", "a/xb", false},
      {"a**b", "a/b", false},          {"a**b", "ab", true},  // not a segment: a plain star
      {"**", "a/b/c", true},           {"[!a]b", "cb", true},
      {"[^a]b", "ab", false},          {"[a", "[a", false},  // unclosed class: no match
      {"\\[a", "[a", true},
  };
  for (const Case& c : cases)
    EXPECT_EQ(GlobMatch(c.pattern, c.text, GlobDialect::kGit), c.match)
        << "pattern `" << c.pattern << "` text `" << c.text << "`";
  EXPECT_FALSE(GlobPattern("[a", GlobDialect::kGit).ok());
}

TEST(Glob, BuildKitDialect) {
  struct Case {
    const char* pattern;
    const char* text;
    bool match;
  };
  const Case cases[] = {
      {"*.go", "a.go", true},       {"*.go", "d/a.go", false},
      {"**/*.go", "a.go", true},    {"**/*.go", "d/e/a.go", true},
      {"a**b", "a/x/b", true},      // BuildKit's `**` crosses directories anywhere
      {"[!a]b", "!b", true},        // `!` is not a negation in Go
      {"[^a]b", "cb", true},        {"[^a]b", "ab", false},
      {"?", "\xC3\xA9", true},      // one code point
      {"[\xC3\xA0-\xC3\xBF]", "\xC3\xA9", true},
  };
  for (const Case& c : cases)
    EXPECT_EQ(GlobMatch(c.pattern, c.text, GlobDialect::kBuildKit), c.match)
        << "pattern `" << c.pattern << "` text `" << c.text << "`";
  for (const char* bad : {"[", "[a", "a\\", "[z-a]", "[]"}) {
    const GlobPattern g(bad, GlobDialect::kBuildKit);
    EXPECT_FALSE(g.ok()) << bad;
    EXPECT_FALSE(g.error().empty()) << bad;
    EXPECT_FALSE(g.Match(bad)) << bad;
  }
}

TEST(Glob, ManyStarsStayLinear) {
  std::string pattern;
  for (int i = 0; i < 50; ++i) pattern += "*a";
  pattern += "b";
  const std::string text(20000, 'a');
  for (GlobDialect d : {GlobDialect::kFnmatch, GlobDialect::kGit, GlobDialect::kBuildKit})
    EXPECT_FALSE(GlobMatch(pattern, text, d));
}

}  // namespace
}  // namespace shipshape::patterns
