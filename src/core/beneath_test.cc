// ScanRoots on a real temporary tree: every way out (symlinks relative and absolute, `..`, loops)
// is refused, every way that stays inside works, and special files are never opened for reading.
// Each case runs twice: with openat2(RESOLVE_BENEATH) and with the portable per-component walk.
#include "core/beneath.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/workspace.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

class Beneath : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    ScanRoots::UseOpenat2(GetParam());
    char tmpl[] = "/tmp/shipshape-beneath-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    top_ = tmpl;
    fs::create_directories(top_ / "repo" / "sub");
    fs::create_directories(top_ / "outside");
    std::ofstream(top_ / "repo" / "sub" / "inside.txt") << "inside";
    std::ofstream(top_ / "outside" / "secret.txt") << "SECRET";
    const fs::path r = top_ / "repo";
    fs::create_symlink("sub/inside.txt", r / "rel-in");
    fs::create_symlink(r / "sub" / "inside.txt", r / "abs-in");
    fs::create_symlink("../outside/secret.txt", r / "rel-out");
    fs::create_symlink(top_ / "outside" / "secret.txt", r / "abs-out");
    fs::create_symlink("../outside", r / "dir-out");
    fs::create_symlink("sub", r / "dir-in");
    fs::create_symlink("missing.txt", r / "dangling");
    fs::create_symlink("loop-b", r / "loop-a");
    fs::create_symlink("loop-a", r / "loop-b");
    fs::create_symlink("/etc/passwd", r / "sub" / "passwd");
    ASSERT_EQ(::mkfifo((r / "fifo").c_str(), 0644), 0);
    std::string err;
    ASSERT_TRUE(roots_.Add(r.string(), &err)) << err;
  }
  void TearDown() override {
    ScanRoots::UseOpenat2(true);
    std::error_code ec;
    fs::remove_all(top_, ec);
  }
  /// What OpenRead gives for `rel` (under repo/): the content, or the error code as text.
  std::string Read(const std::string& rel) {
    const int fd = roots_.OpenRead((top_ / "repo" / rel).string());
    if (fd < 0) return "error " + std::to_string(fd);
    char buf[64];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    return std::string(buf, n > 0 ? static_cast<size_t>(n) : 0);
  }

  fs::path top_;
  ScanRoots roots_;
};

TEST_P(Beneath, InsideIsReadOutsideIsNot) {
  EXPECT_EQ(Read("sub/inside.txt"), "inside");
  EXPECT_EQ(Read("rel-in"), "inside");
  EXPECT_EQ(Read("abs-in"), "inside");  // absolute, but under the root's real path
  EXPECT_EQ(Read("dir-in/inside.txt"), "inside");
  EXPECT_EQ(Read("sub/../sub/inside.txt"), "inside");
  const std::string outside = "error " + std::to_string(kOutside);
  EXPECT_EQ(Read("rel-out"), outside);
  EXPECT_EQ(Read("abs-out"), outside);
  EXPECT_EQ(Read("dir-out/secret.txt"), outside);
  EXPECT_EQ(Read("sub/passwd"), outside);
  EXPECT_EQ(Read("../outside/secret.txt"), outside);  // lexically outside: not even resolved
  EXPECT_EQ(Read("dangling"), "error " + std::to_string(-ENOENT));
  EXPECT_EQ(Read("loop-a"), "error " + std::to_string(-ELOOP));
  EXPECT_EQ(Read("sub"), "error " + std::to_string(-EISDIR));
  // A FIFO is refused without blocking (nobody ever writes to it).
  EXPECT_EQ(Read("fifo"), "error " + std::to_string(kNotRegular));
}

TEST_P(Beneath, ResolveReportsTheLeafAndDanglingLinks) {
  Resolved r = roots_.Resolve((top_ / "repo" / "rel-in").string());
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.leaf, "inside.txt");
  EXPECT_TRUE(r.via_symlink);
  Resolved d = roots_.Resolve((top_ / "repo" / "dangling").string());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.leaf, "missing.txt");
  EXPECT_TRUE(d.via_symlink);
  Resolved n = roots_.Resolve((top_ / "repo" / "sub" / "new.txt").string());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n.leaf, "new.txt");
  EXPECT_FALSE(n.via_symlink);
  EXPECT_FALSE(roots_.Resolve((top_ / "repo" / "dir-out" / "new.txt").string()).ok());
}

TEST_P(Beneath, RealFileSystemSeesNothingOutside) {
  RealFileSystem disk(&roots_);
  const std::string r = (top_ / "repo").string();
  EXPECT_TRUE(disk.Exists(r + "/rel-in"));
  EXPECT_FALSE(disk.Exists(r + "/rel-out"));
  EXPECT_FALSE(disk.Read(r + "/abs-out", 1 << 20).has_value());
  EXPECT_FALSE(disk.Read(r + "/fifo", 1 << 20).has_value());
  EXPECT_TRUE(disk.List(r + "/dir-out").empty());
  // Names are listed (sub/passwd is a name in the tree); its target is never opened.
  EXPECT_EQ(disk.List(r + "/dir-in"), (std::vector<std::string>{"inside.txt", "passwd"}));
  EXPECT_FALSE(disk.Read(r + "/dir-in/passwd", 1 << 20).has_value());
  EXPECT_FALSE(disk.IsDirectory(top_.string()));
  std::string text, reason;
  uint32_t mode = 0;
  int error = 0;
  EXPECT_FALSE(disk.Load(r + "/rel-out", 1 << 20, &text, &mode, &reason, &error));
  EXPECT_EQ(reason, "skipped: symlink or path leads outside the scanned tree; not read");
  EXPECT_EQ(text.find("SECRET"), std::string::npos);
  EXPECT_FALSE(disk.Load(r + "/fifo", 1 << 20, &text, &mode, &reason, &error));
  EXPECT_EQ(reason, "skipped: not a regular file (a FIFO, device or socket); not read");
}

INSTANTIATE_TEST_SUITE_P(Openat2AndWalk, Beneath, ::testing::Bool());

TEST(RepositoryRoot, NearestGitOwnedByTheSameUser) {
  char tmpl[] = "/tmp/shipshape-repo-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const fs::path top = tmpl;
  fs::create_directories(top / "r" / ".git");
  fs::create_directories(top / "r" / "a" / "b");
  char real[PATH_MAX];
  ASSERT_NE(::realpath((top / "r").c_str(), real), nullptr);
  EXPECT_EQ(RepositoryRoot((top / "r" / "a" / "b").string()), real);
  if (::geteuid() == 0) {
    // A .git owned by someone else (planted above a checkout on a shared machine) is no root.
    ASSERT_EQ(::chown((top / "r" / ".git").c_str(), 65534, 65534), 0);
    EXPECT_NE(RepositoryRoot((top / "r" / "a").string()), real);
  }
  fs::remove_all(top);
}

}  // namespace
}  // namespace shipshape
