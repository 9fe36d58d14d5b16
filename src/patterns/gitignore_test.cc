// `.gitignore` decisions against git's documented semantics (gitignore(5): PATTERN FORMAT and
// NOTES), for one file, for nested files, and for a workspace walk.
#include "patterns/gitignore.h"

#include <gtest/gtest.h>

namespace shipshape::patterns {
namespace {

struct GitCase {
  const char* gitignore;
  const char* path;
  bool is_dir;
  int decision;
};

const GitCase kGitCases[] = {
    {".env", ".env", false, 1},
    {".env", "app/.env", false, 1},       // no slash: any depth
    {"/.env", "app/.env", false, 0},      // anchored
    {"/.env", ".env", false, 1},
    {"app/.env", "app/.env", false, 1},
    {"app/.env", "x/app/.env", false, 0},  // a middle slash anchors too
    {"*.env", ".env", false, 1},
    {".env*", ".env.local", false, 1},
    {"**/.env", "a/b/.env", false, 1},
    {"**/.env", ".env", false, 1},
    {"**/config/.env", "a/config/.env", false, 1},
    {"a/**/b", "a/b", false, 1},          // zero or more directories
    {"a/**/b", "a/x/y/b", false, 1},
    {"a/**", "a/x/y", false, 1},          // everything inside
    {"a/**", "a", false, 0},              // but not a itself
    {"a**b", "a/x/b", false, 0},          // other `**` are plain stars
    {"a**b", "axxb", false, 1},
    {"*.env", "dir/x.env", false, 1},     // `*` in a basename pattern
    {"dir/*.env", "dir/sub/x.env", false, 0},  // `*` does not cross `/`
    {"dir/a?b", "dir/a/b", false, 0},   // nor does `?`
    {".env/", ".env", false, 0},          // directories only
    {".env/", ".env", true, 1},
    {"config/", "config/.env", false, 1},  // inside an ignored directory
    {"config/\n!config/.env", "config/.env", false, 1},  // cannot re-include below it
    {"config/*\n!config/.env", "config/.env", false, -1},  // the directory itself is not ignored
    {".env\n!.env", ".env", false, -1},
    {"*\n!.env", ".env", false, -1},
    {"!.env\n.env", ".env", false, 1},   // the last match decides
    {"# .env\n\\#x", "#x", false, 1},
    {"# .env", ".env", false, 0},        // comment
    {"\\!x", "!x", false, 1},            // escaped `!`
    {".env   ", ".env", false, 1},       // trailing spaces dropped
    {"x\\ ", "x ", false, 1},            // unless escaped
    {".env\r\n", ".env", false, 1},
    {"[.]env", ".env", false, 1},
    {"[!a]env", ".env", false, 1},
    {"[^.]env", ".env", false, 0},
    {"[.env", ".env", false, 0},         // unclosed class matches nothing
    {"node_modules/", ".env", false, 0},
};

TEST(GitignoreFile, Table) {
  for (const GitCase& c : kGitCases) {
    EXPECT_EQ(GitignoreFile(c.gitignore).Decide(c.path, c.is_dir), c.decision)
        << "gitignore `" << c.gitignore << "` path `" << c.path << "`";
  }
}

TEST(GitignoreStack, DeeperFilesOverrideShallowerOnes) {
  GitignoreStack s;
  s.Add("", ".env\n");
  s.Add("app", "!.env\n");
  EXPECT_EQ(s.Decide("app/.env", false), -1);
  EXPECT_EQ(s.Decide(".env", false), 1);
  EXPECT_EQ(s.Decide("web/.env", false), 1);
  // Patterns match relative to their own file's directory.
  GitignoreStack t;
  t.Add("app", "/.env\n");
  EXPECT_EQ(t.Decide("app/.env", false), 1);
  EXPECT_EQ(t.Decide("app/x/.env", false), 0);
  EXPECT_EQ(t.Decide(".env", false), 0);
}

TEST(GitignoreStack, AnIgnoredParentCannotBeReincludedFromBelow) {
  // git never reads config/.gitignore once config/ is ignored.
  GitignoreStack s;
  s.Add("", "config/\n");
  s.Add("config", "!.env\n");
  EXPECT_EQ(s.Decide("config/.env", false), 1);
  // A deeper file can re-include a directory a shallower one ignored by name: what is inside is
  // then not ignored (no pattern matches it), while the other `build` stays ignored.
  GitignoreStack t;
  t.Add("", "build\n");
  t.Add("src", "!build\n");
  EXPECT_EQ(t.Decide("src/build", true), -1);
  EXPECT_EQ(t.Decide("src/build/x", false), 0);
  EXPECT_EQ(t.Decide("build/x", false), 1);
}

TEST(GitignoreDecide, WalksToTheRepositoryTop) {
  MemoryFileSystem fs;
  fs.Add("repo/.git/HEAD", "ref: refs/heads/main\n");
  fs.Add("repo/.gitignore", "*.env\n!keep.env\n");
  fs.Add("repo/svc/.gitignore", "!local.env\n");
  fs.Add("repo/svc/a.env", "A=1\n");
  Workspace ws;
  ws.root = "repo/svc";  // a scan of a subdirectory still obeys the repository's files
  ws.fs = &fs;
  EXPECT_EQ(GitignoreDecide(ws, "repo/svc/a.env").decision, 1);
  EXPECT_TRUE(GitignoreDecide(ws, "repo/svc/a.env").in_repo);
  EXPECT_EQ(GitignoreDecide(ws, "repo/svc/keep.env").decision, -1);
  EXPECT_EQ(GitignoreDecide(ws, "repo/svc/local.env").decision, -1);
  EXPECT_EQ(GitignoreDecide(ws, "repo/svc/b.txt").decision, 0);
  // Outside a repository only the scanned tree's files count.
  MemoryFileSystem bare;
  bare.Add(".gitignore", ".env\n");
  bare.Add("proj/app/.env", "A=1\n");
  Workspace ws2;
  ws2.root = "proj";
  ws2.fs = &bare;
  EXPECT_EQ(GitignoreDecide(ws2, "proj/app/.env").decision, 0);
  EXPECT_FALSE(GitignoreDecide(ws2, "proj/app/.env").in_repo);
}

}  // namespace
}  // namespace shipshape::patterns
