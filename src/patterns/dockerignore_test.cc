// Table tests for the .dockerignore reader and matcher against Docker's documented semantics
// (https://docs.docker.com/build/concepts/context/#dockerignore-files, moby/patternmatcher).
#include "patterns/dockerignore.h"

#include <gtest/gtest.h>

namespace shipshape::dockerignore {
namespace {

struct Case {
  const char* patterns;  ///< .dockerignore text
  const char* path;
  bool excluded;
};

const Case kCases[] = {
    // Plain names are anchored at the context root; no basename matching as in .gitignore.
    {"node_modules", "node_modules", true},
    {"node_modules", "node_modules/a/b.js", true},
    {"node_modules", "web/node_modules/x", false},
    {"*.pyc", "a.pyc", true},
    {"*.pyc", "app/a.pyc", false},
    {"*.md", "README.md", true},
    {"*.md", "docs/README.md", false},
    // Leading `/`, `./` and trailing `/` are cleaned away.
    {"/.git", ".git/HEAD", true},
    {"./dist/", "dist/main.js", true},
    {"dist/", "dist", true},
    {"dist//x/../y", "dist/y", true},
    {"/", "anything", false},
    // `*` and `?` stop at `/`; a parent match covers everything below.
    {"docs/*", "docs/a.md", true},
    {"docs/*", "docs/sub/a.md", true},
    {"a*/b", "abc/b", true},
    {"a*/b", "a/c/b", false},
    {"a?c", "abc", true},
    {"a?c", "a/c", false},
    {"a?b", "a\xE2\x98\xBA" "b", true},
    {"a*", "ab/c", true},
    // `**`
    {"**", "anything/at/all", true},
    {"**/", "x", true},
    {"**/node_modules", "node_modules/x", true},
    {"**/node_modules", "a/b/node_modules/x", true},
    {"**/*.pyc", "a.pyc", true},
    {"**/*.pyc", "pkg/sub/a.pyc", true},
    {"**/*.pyc", "pkg/sub/a.py", false},
    {"dir/**", "dir", false},
    {"dir/**", "dir/a/b", true},
    {"**/dir2/*", "dir/dir2/file", true},
    {"**/dir2/**", "a/dir2/b/c", true},
    {"a**/*.txt", "a/dir/dir/file.txt", true},
    {"**file", "dir/file", true},
    {"**/foo/bar", "x/y/foo/bar", true},
    {"**/.foo", "bar.foo", false},
    // Character classes and escapes.
    {"a[b-d]e", "ace", true},
    {"a[b-d]e", "aae", false},
    {"a[^b-d]e", "aze", true},
    {"a[^a]b", "a\xE2\x98\xBA" "b", true},
    {"[\\]a]", "]", true},
    {"[x\\-]", "-", true},
    {"a\\*b", "a*b", true},
    {"a\\*b", "axb", false},
    {"*.py[cod]", "m.pyo", true},
    {"*.py[cod]", "m.pyx", false},
    // Regex metacharacters are literal.
    {"a(b)c/def", "a(b)c/def", true},
    {"a.|)$(}+{bc", "a.|)$(}+{bc", true},
    {"abc.def", "abcZdef", false},
    {"dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true},
    // Order: the last matching line decides; `!` re-includes.
    {"*.go\n!main.go", "main.go", false},
    {"!main.go\n*.go", "main.go", true},
    {"docs\n!docs/README.md", "docs/README.md", false},
    {"docs\n!docs/README.md", "docs/other.md", true},
    {"**\n!src", "src/a.c", false},
    {"**\n!src", "README", true},
    {"**\n!util/web\nutil/web/foo", "util/web/foo", true},
    {".env*\n!.env.example", ".env.example", false},
    {".env*\n!.env.example", ".env.local", true},
    // Comments only in the first column; blanks are trimmed; CRLF and BOM are handled.
    {"# comment\n  node_modules  ", "node_modules", true},
    {"#node_modules", "node_modules", false},
    {" #x", "#x", true},
    {"a\r\nb\r\n", "b", true},
    {"\xEF\xBB\xBF" "secret", "secret", true},
    {"!  keep \nkeep2", "keep", false},
    // The context root itself is never excluded.
    {"*", ".", false},
    {"*", "", false},
};

TEST(DockerignoreMatch, Table) {
  for (const Case& c : kCases) {
    const Matcher m = Matcher::Parse(c.patterns);
    EXPECT_TRUE(m.errors().empty()) << c.patterns;
    EXPECT_EQ(m.Excluded(c.path), c.excluded) << "patterns `" << c.patterns << "` path `" << c.path
                                              << "`";
  }
}

TEST(DockerignoreMatch, PathsAreNormalized) {
  const Matcher m = Matcher::Parse("build\n");
  EXPECT_TRUE(m.Excluded("./build/x"));
  EXPECT_TRUE(m.Excluded("/build"));
  EXPECT_TRUE(m.Excluded("a/../build/x"));
}

TEST(DockerignoreMatch, InvalidPatterns) {
  for (const char* bad : {"[", "a[", "[^", "[^bc", "[]a]", "[-]", "[x-]", "[-x]", "[a-b-c]", "\\",
                          "x\\", "[z-a]", "!"}) {
    const Matcher m = Matcher::Parse(bad);
    ASSERT_EQ(m.errors().size(), 1u) << bad;
    EXPECT_LE(m.errors()[0].range.end, std::string_view(bad).size()) << bad;
  }
  for (const char* good : {"[a]", "a]b", "[\\-x]", "[\\]a]", "\\[x\\]", "[^a]"})
    EXPECT_TRUE(Matcher::Parse(good).errors().empty()) << good;
}

TEST(DockerignoreMatch, PatternsKeepRanges) {
  const std::string text = "# c\n  node_modules  \r\n!keep\n";
  const Matcher m = Matcher::Parse(text);
  ASSERT_EQ(m.patterns().size(), 2u);
  EXPECT_EQ(m.patterns()[0].range.Of(text), "node_modules");
  EXPECT_EQ(m.patterns()[1].range.Of(text), "!keep");
  EXPECT_TRUE(m.patterns()[1].exclusion);
  EXPECT_EQ(m.patterns()[1].text, "keep");
}

TEST(DockerignoreMatch, CleanPath) {
  EXPECT_EQ(CleanPath("a//b/./c/"), "a/b/c");
  EXPECT_EQ(CleanPath("a/../../b"), "../b");
  EXPECT_EQ(CleanPath("/../x"), "/x");
  EXPECT_EQ(CleanPath(""), ".");
  EXPECT_EQ(CleanPath("./"), ".");
}

TEST(DockerignoreMatch, HostileInputIsLinear) {
  // Many stars against a long non-matching path must not blow up (memoized matching).
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "*a";
  pattern += "b";
  const Matcher m = Matcher::Parse(pattern);
  EXPECT_FALSE(m.Excluded(std::string(5000, 'a')));
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "d/";
  EXPECT_TRUE(Matcher::Parse("**/x").Excluded(deep + "x"));
}

}  // namespace
}  // namespace shipshape::dockerignore
