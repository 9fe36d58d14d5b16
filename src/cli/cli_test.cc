// End-to-end tests of the shipshape binary: exit codes, discovery, hostile input, fix writes.
// Each test runs build/shipshape in a fresh temporary directory.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/discover.h"
#include "cli/writer.h"

extern char** environ;

namespace shipshape {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shipshape-cli-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  void Write(const std::string& rel, const std::string& content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }

  /// Runs the binary with `args` in the temp dir, capturing output.
  RunResult Exec(std::vector<std::string> args, int timeout_s = 60) {
    RunResult r;
    fs::path out = dir_ / ".out", err = dir_ / ".err";
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addchdir_np(&fa, dir_.c_str());
    std::vector<std::string> argv_s = {SHIPSHAPE_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_s = {"NO_COLOR=1", "PATH=/usr/bin:/bin"};
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid;
    EXPECT_EQ(posix_spawn(&pid, SHIPSHAPE_BINARY, &fa, nullptr, argv.data(), envp.data()), 0);
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    for (int waited = 0; waited < timeout_s * 100; ++waited) {
      pid_t w = ::waitpid(pid, &status, WNOHANG);
      if (w == pid) break;
      ::usleep(10000);
      if (waited + 1 == timeout_s * 100) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        ADD_FAILURE() << "timed out";
      }
    }
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = Slurp(out);
    r.err = Slurp(err);
    fs::remove(out);
    fs::remove(err);
    return r;
  }

  fs::path dir_;
};

TEST_F(Cli, ExitZeroWhenClean) {
  Write("Dockerfile", "FROM alpine:3.20\nCOPY a /a\n");
  RunResult r = Exec({"check", "--select", "DF020"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No problems found"), std::string::npos) << r.out;
}

TEST_F(Cli, ExitOneOnFindingsAndThresholdRespected) {
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  RunResult r = Exec({"check", "--select", "DF020"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Dockerfile:2:1: error[DF020 add-for-local-files]"), std::string::npos)
      << r.out;
  EXPECT_EQ(Exec({"check", "--select", "DF020", "--fail-level", "critical"}).code, 0);
  EXPECT_EQ(Exec({"check", "--select", "DF020", "--fail-level", "none"}).code, 0);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Exec({"check", "--bogus"}).code, 2);
  EXPECT_EQ(Exec({"check", "--format", "nope"}).code, 2);
  EXPECT_EQ(Exec({"check", "--fail-level", "loud"}).code, 2);
  RunResult r = Exec({"check", "does-not-exist"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("does-not-exist: No such file or directory"), std::string::npos) << r.err;
  EXPECT_EQ(Exec({"rule", "NOPE123"}).code, 2);
}

TEST_F(Cli, SyntaxErrorIsAFindingNotACrash) {
  Write("Dockerfile", "");
  Write("sub/Dockerfile", "FROM alpine:3.20\nENV ONLYKEY\n");
  Write("compose.yaml", "services:\n  web:\n    image: \"nginx\n");
  RunResult r = Exec({"check", "--format", "json"});
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::multiset<std::string> rules;
  for (auto& d : j["diagnostics"]) rules.insert(d["rule"].get<std::string>());
  EXPECT_EQ(rules.count("DF000"), 2u) << r.out;
  EXPECT_EQ(rules.count("DC000"), 1u) << r.out;
}

TEST_F(Cli, OutputIsByteIdenticalAcrossRunsAndJobCounts) {
  for (int i = 0; i < 30; ++i)
    Write("s" + std::to_string(i) + "/Dockerfile", "FROM alpine:3.20\nADD x /x\nADD y /y\n");
  RunResult a = Exec({"check", "--format", "json", "-j", "1"});
  RunResult b = Exec({"check", "--format", "json", "-j", "8"});
  RunResult c = Exec({"check", "--format", "json"});
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.out, c.out);
  EXPECT_EQ(nlohmann::json::parse(a.out)["files_scanned"], 30);
}

TEST_F(Cli, BinaryInvalidUtf8AndOversizedFiles) {
  Write("bin/Dockerfile", std::string("FROM alpine\0\x01\x02", 14));
  Write("utf/Dockerfile", "FROM alpine:3.20\nLABEL x=\"\xff\xfe\xc3\"\nADD a /a\n");
  Write("big/Dockerfile", "FROM alpine:3.20\nRUN echo " + std::string(2'000'000, 'a') + "\n");
  RunResult r = Exec({"check", "--format", "json", "--max-file-size", "1000000", "--select", "DF020"});
  EXPECT_EQ(r.code, 1) << r.err;  // the invalid-UTF-8 file is still checked
  EXPECT_NE(r.err.find("skipped bin/Dockerfile: binary file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped big/Dockerfile: file too large"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  EXPECT_EQ(j["diagnostics"][0]["path"], "utf/Dockerfile");
  EXPECT_EQ(j["skipped"].size(), 2u);
  // With a larger limit the 2 MB line is read and parsed.
  RunResult big = Exec({"check", "big/Dockerfile", "--max-file-size", "5000000", "--select", "DF020"});
  EXPECT_EQ(big.code, 0) << big.err;
}

TEST_F(Cli, HostileYamlIsAFinding) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    bomb += std::string(1, static_cast<char>('a' + i)) + ": &" + static_cast<char>('a' + i) + " [";
    for (int k = 0; k < 10; ++k) bomb += std::string(k ? ", " : "") + "*" + static_cast<char>('a' + i - 1);
    bomb += "]\n";
  }
  Write("bomb/compose.yaml", "services: {}\n" + bomb);
  Write("deep/compose.yaml", "services: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
  RunResult r = Exec({"check", "--format", "json"}, 30);
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  int dc000 = 0;
  for (auto& d : j["diagnostics"]) dc000 += d["rule"] == "DC000";
  EXPECT_EQ(dc000, 2) << r.out;
}

TEST_F(Cli, SymlinkLoopsAndEscapes) {
  Write("a/Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  fs::create_directory_symlink(dir_ / "a", dir_ / "a" / "loop");
  fs::create_directory_symlink("/", dir_ / "root");
  fs::create_symlink("/etc/hostname", dir_ / "Dockerfile.escape");
  fs::create_symlink(dir_ / "nowhere", dir_ / "Dockerfile.dangling");
  RunResult r = Exec({"check", "--format", "json", "--select", "DF020"}, 30);
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["files_scanned"], 1);
  EXPECT_NE(r.err.find("symlink points outside the scanned directory"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dangling or looping symlink"), std::string::npos) << r.err;
}

TEST_F(Cli, DirectoryNamedDockerfileIsWalked) {
  Write("Dockerfile/Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  RunResult r = Exec({"check", "--select", "DF020"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("Dockerfile/Dockerfile:2:1"), std::string::npos) << r.out;
}

TEST_F(Cli, SkipsVcsAndVendoredTrees) {
  Write(".git/Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  Write("node_modules/x/Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  Write("app/Dockerfile", "FROM alpine:3.20\nCOPY a /a\n");
  RunResult r = Exec({"check", "--format", "json", "--select", "DF020"});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["files_scanned"], 1);
}

TEST_F(Cli, ParseDumpsBuildkitAndFailsOnErrors) {
  Write("Dockerfile", "FROM alpine:3.20\nRUN echo hi\n");
  RunResult r = Exec({"parse", "--dump=buildkit", "Dockerfile"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "(from \"alpine:3.20\")\n(run \"echo hi\")\n");
  Write("Bad", "# only a comment\n");
  RunResult bad = Exec({"parse", "--dump=buildkit", "Bad"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("file with no instructions"), std::string::npos) << bad.err;
}

TEST_F(Cli, FixWritesAtomicallyKeepingModeAndCrlf) {
  Write("Dockerfile", "FROM alpine:3.20\r\n# keep me\r\nADD app.py /app/\r\n");
  fs::permissions(dir_ / "Dockerfile", fs::perms(0640));
  RunResult r = Exec({"fix", "--select", "DF020"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_EQ(Slurp(dir_ / "Dockerfile"), "FROM alpine:3.20\r\n# keep me\r\nCOPY app.py /app/\r\n");
  EXPECT_EQ(fs::status(dir_ / "Dockerfile").permissions() & fs::perms::all, fs::perms(0640));
  EXPECT_NE(r.err.find("1 found, 1 fixed, 0 left; 1 files changed"), std::string::npos) << r.err;
  // No temp files are left behind.
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().rfind(".shipshape-", 0), std::string::npos);
  // A second run changes nothing.
  RunResult again = Exec({"fix", "--select", "DF020"});
  EXPECT_NE(again.err.find("0 found, 0 fixed"), std::string::npos) << again.err;
}

TEST_F(Cli, FixDiffWritesNothing) {
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  RunResult r = Exec({"fix", "--diff", "--select", "DF020"});
  EXPECT_EQ(r.out, "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM alpine:3.20\n-ADD a /a\n+COPY a /a\n");
  EXPECT_EQ(Slurp(dir_ / "Dockerfile"), "FROM alpine:3.20\nADD a /a\n");
}

TEST_F(Cli, UnparsableFileIsNeverWritten) {
  const std::string broken = "FROM alpine:3.20\nADD a /a\nRUN <<EOF\necho never closed\n";
  Write("Dockerfile", broken);
  Exec({"fix", "--unsafe"});
  EXPECT_EQ(Slurp(dir_ / "Dockerfile"), broken);
}

TEST_F(Cli, RulesJsonListsEveryRuleWithAliases) {
  RunResult r = Exec({"rules", "--format", "json"});
  ASSERT_EQ(r.code, 0);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_GT(j.size(), 3u);
  bool found = false;
  for (auto& rule : j) {
    for (const char* k : {"code", "name", "severity", "category", "fix", "aliases"})
      EXPECT_TRUE(rule.contains(k)) << rule.dump();
    if (rule["code"] == "DF020") {
      found = true;
      EXPECT_EQ(rule["aliases"]["hadolint"][0], "DL3020");
      EXPECT_EQ(rule["fix"], "always");
    }
  }
  EXPECT_TRUE(found);
  RunResult doc = Exec({"rule", "DL3020"});
  EXPECT_EQ(doc.code, 0);
  EXPECT_NE(doc.out.find("# DF020 add-for-local-files"), std::string::npos);
}

TEST_F(Cli, InlineAndConfigSuppressions) {
  Write("Dockerfile",
        "FROM alpine:3.20\n# hadolint ignore=DL3020\nADD a /a\n# shipshape ignore=DF020\nADD b /b\nADD c /c\n");
  RunResult r = Exec({"check", "--format", "json", "--select", "DF020"});
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["diagnostics"].size(), 1u) << r.out;
  EXPECT_EQ(j["diagnostics"][0]["line"], 6);
  Write(".hadolint.yaml", "ignored: [DL3020]\n");
  EXPECT_EQ(Exec({"check", "--select", "DF020,DL3020"}).code, 0);
  Write(".hadolint.yaml", "ignored: [DL3020\n");
  RunResult bad = Exec({"check"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find(".hadolint.yaml:"), std::string::npos) << bad.err;
}

TEST_F(Cli, InspectReadsDockerInspectJsonAndFailsClearlyWithoutEngine) {
  const fs::path fixtures = fs::path(SHIPSHAPE_SOURCE_DIR) / "tests" / "fixtures" / "inspect";
  fs::path any;
  for (const auto& e : fs::directory_iterator(fixtures))
    if (e.path().extension() == ".json" && (any.empty() || e.path() < any)) any = e.path();
  ASSERT_FALSE(any.empty());
  RunResult r = Exec({"inspect", any.string(), "--format", "json"});
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["mode"], "inspect");
  EXPECT_GT(j["diagnostics"].size(), 0u);
  for (auto& d : j["diagnostics"]) EXPECT_EQ(d["rule"].get<std::string>().substr(0, 2), "DR");
  RunResult none = Exec({"inspect", "--host", "unix://" + (dir_ / "no.sock").string()});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("cannot connect to the Docker engine"), std::string::npos) << none.err;
  RunResult tcp = Exec({"inspect", "--host", "tcp://127.0.0.1:2375"});
  EXPECT_EQ(tcp.code, 2);
  EXPECT_NE(tcp.err.find("only unix:// sockets are supported"), std::string::npos) << tcp.err;
  Write("bad.json", "[{\"Id\": ");
  RunResult bad = Exec({"inspect", "bad.json"});
  EXPECT_EQ(bad.code, 2) << bad.err;
}

TEST(Writer, FailedWriteLeavesOriginalAndNoTemp) {
  char tmpl[] = "/tmp/shipshape-w-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  fs::path d = tmpl;
  std::ofstream(d / "f") << "original";
  std::string err;
  // The parent "directory" is a regular file: creating the temp file fails cleanly.
  EXPECT_FALSE(AtomicWrite((d / "f" / "x").string(), "new", &err));
  EXPECT_NE(err.find("cannot create a temporary file"), std::string::npos) << err;
  EXPECT_EQ(Slurp(d / "f"), "original");
  // CreateNew never overwrites.
  EXPECT_FALSE(CreateNew((d / "f").string(), "other", 0600, &err));
  EXPECT_NE(err.find("already exists"), std::string::npos);
  EXPECT_EQ(Slurp(d / "f"), "original");
  // MergeLines keeps every existing line and adds only missing ones.
  std::ofstream(d / ".gitignore") << "build/\r\n.env\r\n";
  bool changed = false;
  ASSERT_TRUE(MergeLines((d / ".gitignore").string(), ".env\n*.pem\n", 0644, &changed, &err));
  EXPECT_TRUE(changed);
  EXPECT_EQ(Slurp(d / ".gitignore"), "build/\r\n.env\r\n*.pem\r\n");
  fs::remove_all(d);
}

TEST(Discover, LoadFileReasons) {
  std::string text, reason;
  uint32_t mode;
  EXPECT_FALSE(LoadFile("/nonexistent/x", 100, &text, &mode, &reason));
  EXPECT_EQ(reason, "cannot read: No such file or directory");
  EXPECT_FALSE(LoadFile("/tmp", 100, &text, &mode, &reason));
  EXPECT_EQ(reason, "is a directory");
}

}  // namespace
}  // namespace shipshape
