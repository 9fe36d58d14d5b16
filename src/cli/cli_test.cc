// End-to-end tests of the shipshape binary: exit codes, discovery, hostile input, fix writes.
// Each test runs build/shipshape in a fresh temporary directory.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/discover.h"
#include "cli/writer.h"
#include "report/reporters.h"
#include "testing/spawn.h"

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

  /// Runs the binary with `args` in the temp dir, capturing output. `as_nobody` runs it as
  /// uid/gid 65534 (we run as root, for whom permission bits mean nothing); `max_file_size` sets
  /// RLIMIT_FSIZE, so writes past it fail as on a full disk.
  RunResult Exec(std::vector<std::string> args, int timeout_s = 60, bool as_nobody = false,
                 rlim_t max_file_size = 0) {
    test::SpawnOptions so;
    so.argv = {SHIPSHAPE_BINARY};
    so.argv.insert(so.argv.end(), args.begin(), args.end());
    so.env = std::vector<std::string>{"NO_COLOR=1", "PATH=/usr/bin:/bin"};
    so.cwd = dir_.string();
    // Beside the temp dir, not in it: the output files must not be scanned, and must stay
    // writable whatever the test does to the directory's permissions.
    so.stdout_path = dir_.string() + ".out";
    so.stderr_path = dir_.string() + ".err";
    so.timeout_s = timeout_s;
    if (as_nobody) so.uid = so.gid = 65534;
    so.max_file_size = max_file_size;
    test::SpawnResult s = test::Spawn(so);
    EXPECT_EQ(s.error, "");
    EXPECT_FALSE(s.timed_out) << "timed out";
    fs::remove(so.stdout_path);
    fs::remove(so.stderr_path);
    last_max_rss_kb_ = s.max_rss_kb;
    return {s.code, std::move(s.out), std::move(s.err)};
  }

  fs::path dir_;
  long last_max_rss_kb_ = 0;  ///< Peak RSS of the last Exec.
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
  // Enough findings (over 1,024) that the JSON report is rendered in slices on several threads.
  for (int i = 0; i < 200; ++i)
    Write("s" + std::to_string(i) + "/Dockerfile",
          "FROM alpine\nMAINTAINER me\nADD x /x\nADD y /y\nRUN cd /x && apk add curl\n"
          "RUN wget http://e.com/a\nCMD node x.js\n");
  RunResult a = Exec({"check", "--format", "json", "-j", "1"});
  RunResult b = Exec({"check", "--format", "json", "-j", "8"});
  RunResult c = Exec({"check", "--format", "json"});
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.out, c.out);
  const auto j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["files_scanned"], 200);
  EXPECT_GT(j["diagnostics"].size(), 1024u);
}

TEST_F(Cli, BinaryInvalidUtf8AndOversizedFiles) {
  Write("bin/Dockerfile", std::string("FROM alpine\0\x01\x02", 14));
  Write("utf/Dockerfile", "FROM alpine:3.20\nLABEL x=\"\xff\xfe\xc3\"\nADD a /a\n");
  Write("big/Dockerfile", "FROM alpine:3.20\nRUN echo " + std::string(2'000'000, 'a') + "\n");
  RunResult r = Exec({"check", "--format", "json", "--max-file-size", "1000000", "--select", "DF020"});
  EXPECT_EQ(r.code, 1) << r.err;  // the invalid-UTF-8 file is still checked
  // So is the one with NUL bytes: named like a Dockerfile, it is not skipped as binary (a NUL in
  // a comment would otherwise hide a Dockerfile from the audit, issue 18).
  EXPECT_EQ(r.err.find("skipped bin/Dockerfile"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped big/Dockerfile: file too large"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  EXPECT_EQ(j["diagnostics"][0]["path"], "utf/Dockerfile");
  EXPECT_EQ(j["skipped"].size(), 1u);
  EXPECT_EQ(j["files_scanned"], 2);
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

TEST_F(Cli, FixCountsWhatTheSideFilesItWroteAnswer) {
  // DF114's fix writes .dockerignore beside the Dockerfile: once it exists the finding is gone,
  // and the summary must say so, as a `check` afterwards does.
  Write("package.json", "{}\n");
  Write("Dockerfile", "FROM node:22\nCOPY . /app\n");
  RunResult r = Exec({"fix", "--unsafe", "--select", "DF114", "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(dir_ / ".dockerignore"));
  EXPECT_NE(r.err.find("1 found, 1 fixed, 0 left; 0 files changed, 1 files added"), std::string::npos) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["diagnostics"].size(), 0u) << r.out;
  EXPECT_EQ(Exec({"check", "--select", "DF114"}).code, 0);
}

TEST_F(Cli, FixDiffWritesNothing) {
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  RunResult r = Exec({"fix", "--diff", "--select", "DF020"});
  EXPECT_EQ(r.out, "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM alpine:3.20\n-ADD a /a\n+COPY a /a\n");
  EXPECT_EQ(Slurp(dir_ / "Dockerfile"), "FROM alpine:3.20\nADD a /a\n");
}

TEST_F(Cli, FixDiffNamesEachSideFileOnce) {
  // Two secrets moved out of the compose file both merge lines into .env and .env.example.
  Write("compose.yaml",
        "services:\n  db:\n    image: postgres:17\n    environment:\n"
        "      POSTGRES_PASSWORD: Xk29mQv7Lp3sTq8w\n      API_TOKEN: Hq47nWv2Rt9yKp3z\n");
  RunResult r = Exec({"fix", "--diff", "--unsafe", "--select", "DC010"});
  auto count = [&](const std::string& s) {
    size_t n = 0;
    for (size_t at = r.out.find(s); at != std::string::npos; at = r.out.find(s, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("--- .env.example ("), 1u) << r.out;
  EXPECT_EQ(count("--- .env ("), 1u) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / ".env"));
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

// ---------------------------------------------------------------------------------------------
// Hostile input, part 2: sizes, permissions, races and write failures. Each case pins the exit
// code and the message a user sees.

/// True when built with AddressSanitizer (its shadow memory makes RSS figures meaningless).
constexpr bool kSanitized =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

/// Empty if the tests can run the binary as nobody (65534): we are root, and every directory
/// above the binary lets others through. Else why not.
std::string CannotRunAsNobody() {
  if (::geteuid() != 0) return "needs root to switch to uid 65534";
  for (fs::path p = fs::path(SHIPSHAPE_BINARY).parent_path(); p != p.root_path(); p = p.parent_path())
    if ((fs::status(p).permissions() & fs::perms::others_exec) == fs::perms::none)
      return p.string() + " is not searchable by others, so nobody cannot run the binary";
  return {};
}

/// Names of the temp files the writer leaves behind if it fails to clean up.
std::vector<std::string> WriterTemps(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().rfind(".shipshape-", 0) == 0) found.push_back(e.path());
  return found;
}

TEST_F(Cli, EmptyFilesAreFindingsOrClean) {
  Write("Dockerfile", "");
  Write("compose.yaml", "");
  Write(".env", "");
  RunResult r = Exec({"check", "--format", "json"});
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> by_path;
  for (auto& d : j["diagnostics"])
    if (d["rule"] == "DF000" || d["rule"] == "DC000") by_path[d["path"]] = d["message"];
  EXPECT_NE(by_path["Dockerfile"].find("file with no instructions"), std::string::npos) << r.out;
  EXPECT_NE(by_path["compose.yaml"].find("empty"), std::string::npos) << r.out;
  EXPECT_EQ(j["skipped"].size(), 0u);
}

TEST_F(Cli, HundredMegabyteFileIsSkippedWithoutBeingRead) {
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  // Sparse: 100 MB that cost no disk.
  fs::create_directories(dir_ / "big");
  {
    std::ofstream(dir_ / "big" / "Dockerfile") << "FROM alpine:3.20\n";
  }
  fs::resize_file(dir_ / "big" / "Dockerfile", 100u << 20);
  RunResult r = Exec({"check", "--select", "DF020"});
  EXPECT_EQ(r.code, 1) << r.err;  // the small Dockerfile's finding; the big one is only a note
  EXPECT_NE(r.err.find("note: skipped big/Dockerfile: file too large (104857600 bytes; limit "
                       "10485760, see --max-file-size)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("Dockerfile:2:1: error[DF020"), std::string::npos) << r.out;
  // Never read into memory: far below 100 MB.
  if (!kSanitized) {
    EXPECT_LT(last_max_rss_kb_, 64 * 1024);
  }
  // Named explicitly it is an error (exit 2): "No problems found" would cover a file nobody read.
  RunResult x = Exec({"check", "big/Dockerfile"});
  EXPECT_EQ(x.code, 2) << x.err;
  EXPECT_NE(x.err.find("shipshape: big/Dockerfile: file too large"), std::string::npos) << x.err;
}

TEST_F(Cli, HundredMegabyteFileIsCheckedWhenAllowed) {
  // 100 MB of real text (comment lines), then one finding at the very end.
  fs::create_directories(dir_ / "big");
  {
    std::ofstream out(dir_ / "big" / "Dockerfile", std::ios::binary);
    out << "FROM alpine:3.20\n";
    const std::string line = "# " + std::string(97, 'x') + "\n";  // 100 bytes
    for (int i = 0; i < 1'000'000; ++i) out << line;
    out << "ADD a /a\n";
  }
  ASSERT_GT(fs::file_size(dir_ / "big" / "Dockerfile"), 100'000'000u);
  RunResult r = Exec({"check", "big/Dockerfile", "--max-file-size", "200000000", "--select",
                      "DF020", "--format", "gnu"},
                     120);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("big/Dockerfile:1000002.1-1000002.4: error: ADD used"), std::string::npos)
      << r.out.substr(0, 500);
  // Bounded: a few copies of the text at most, not a blow-up per line.
  if (!kSanitized) {
    EXPECT_LT(last_max_rss_kb_, 1024 * 1024) << "peak RSS in KiB";
  }
}

TEST_F(Cli, TenMegabyteLines) {
  const std::string word(10'000'000, 'a');
  Write("Dockerfile", "FROM alpine:3.20\nRUN apt-get install " + word + "\nADD a /a\n");
  Write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    command: echo " + word +
                            "\n    privileged: true\n");
  RunResult r = Exec({"check", "--select", "DF020,DC020", "--format", "json"}, 120);
  EXPECT_EQ(r.code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::set<std::string> got;
  for (auto& d : j["diagnostics"])
    got.insert(d["path"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) + ":" +
               d["rule"].get<std::string>());
  EXPECT_EQ(got, (std::set<std::string>{"Dockerfile:3:DF020", "compose.yaml:5:DC020"})) << r.err;
  // A finding on the long line (apt-get install without -y): the text and HTML excerpts show a
  // window of it around the finding, not 10 MB per finding.
  RunResult text = Exec({"check", "Dockerfile", "--select", "DF040"}, 120);
  EXPECT_EQ(text.code, 1) << text.err;
  EXPECT_LT(text.out.size(), 2'000u) << text.out.substr(0, 3000);
  EXPECT_NE(text.out.find(" 2 | RUN apt-get install aaaa"), std::string::npos) << text.out.substr(0, 3000);
  EXPECT_NE(text.out.find("aaa...\n"), std::string::npos) << text.out.substr(0, 3000);
  RunResult html = Exec({"check", "Dockerfile", "--select", "DF040", "--format", "html"}, 120);
  EXPECT_EQ(html.code, 1) << html.err;
  EXPECT_LT(html.out.size(), 200'000u);
}

TEST_F(Cli, UnreadableFilesAndDirectoriesAreSkippedWithAReason) {
  if (const std::string why = CannotRunAsNobody(); !why.empty()) GTEST_SKIP() << why;
  // As root every file is readable: the binary runs as nobody (65534) instead.
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  Write("secret/Dockerfile", "FROM alpine:3.20\nADD b /b\n");
  Write("locked/Dockerfile", "FROM alpine:3.20\nADD c /c\n");
  fs::permissions(dir_, fs::perms(0755));
  fs::permissions(dir_ / "secret", fs::perms(0755));
  fs::permissions(dir_ / "Dockerfile", fs::perms(0644));
  fs::permissions(dir_ / "secret" / "Dockerfile", fs::perms(0600));
  fs::permissions(dir_ / "locked", fs::perms(0700));
  RunResult r = Exec({"check", "--select", "DF020"}, 60, /*as_nobody=*/true);
  EXPECT_EQ(r.code, 1) << r.err;  // the readable Dockerfile's finding
  EXPECT_NE(r.err.find("note: skipped secret/Dockerfile: cannot read: Permission denied"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("note: skipped locked: cannot open directory: Permission denied"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("Dockerfile:2:1: error[DF020"), std::string::npos) << r.out;
  // Named on the command line, an unreadable file is an error: exit 2.
  RunResult x = Exec({"check", "secret/Dockerfile"}, 60, true);
  EXPECT_EQ(x.code, 2) << x.err;
  EXPECT_NE(x.err.find("shipshape: secret/Dockerfile: cannot read: Permission denied"),
            std::string::npos)
      << x.err;
  // So is an unreadable directory named there (it used to be a note and exit 0).
  RunResult dir = Exec({"check", "locked"}, 60, true);
  EXPECT_EQ(dir.code, 2) << dir.err;
  EXPECT_NE(dir.err.find("shipshape: locked: cannot open directory: Permission denied"),
            std::string::npos)
      << dir.err;
}

TEST_F(Cli, FixOfAReadOnlyTargetFailsAndChangesNothing) {
  if (const std::string why = CannotRunAsNobody(); !why.empty()) GTEST_SKIP() << why;
  const std::string original = "FROM alpine:3.20\nADD a /a\n";
  Write("ro/Dockerfile", original);    // file and directory read-only for nobody
  Write("rofile/Dockerfile", original);  // directory writable, file read-only
  Write("rodir/Dockerfile", original);   // file writable, directory read-only
  fs::permissions(dir_, fs::perms(0755));
  fs::permissions(dir_ / "ro", fs::perms(0755));
  fs::permissions(dir_ / "ro" / "Dockerfile", fs::perms(0644));
  fs::permissions(dir_ / "rofile", fs::perms(0777));
  fs::permissions(dir_ / "rofile" / "Dockerfile", fs::perms(0444));
  fs::permissions(dir_ / "rodir", fs::perms(0755));
  fs::permissions(dir_ / "rodir" / "Dockerfile", fs::perms(0666));

  RunResult r = Exec({"fix", "ro", "--select", "DF020"}, 60, /*as_nobody=*/true);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("shipshape: cannot write ro/Dockerfile: Permission denied (the file is "
                       "read-only; it was not changed)"),
            std::string::npos)
      << r.err;
  // The summary does not claim the fix was applied.
  EXPECT_NE(r.err.find("1 found, 0 fixed, 1 left; 0 files changed"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(dir_ / "ro" / "Dockerfile"), original);

  // rename() would succeed here (the directory is writable): the file's mode still protects it.
  RunResult f = Exec({"fix", "rofile", "--select", "DF020"}, 60, true);
  EXPECT_EQ(f.code, 2) << f.err;
  EXPECT_NE(f.err.find("cannot write rofile/Dockerfile: Permission denied (the file is "
                       "read-only; it was not changed)"),
            std::string::npos)
      << f.err;
  EXPECT_EQ(Slurp(dir_ / "rofile" / "Dockerfile"), original);
  EXPECT_EQ(fs::status(dir_ / "rofile" / "Dockerfile").permissions() & fs::perms::all,
            fs::perms(0444));

  RunResult d = Exec({"fix", "rodir", "--select", "DF020"}, 60, true);
  EXPECT_EQ(d.code, 2) << d.err;
  EXPECT_NE(d.err.find("cannot create a temporary file beside rodir/Dockerfile: Permission "
                       "denied (rodir/Dockerfile was not changed)"),
            std::string::npos)
      << d.err;
  EXPECT_EQ(Slurp(dir_ / "rodir" / "Dockerfile"), original);
  EXPECT_EQ(WriterTemps(dir_), std::vector<std::string>{});
}

TEST_F(Cli, FullDiskDuringFixLeavesTheOriginalIntact) {
  // Bigger than the file-size limit below, so writing the fixed copy runs out of room (EFBIG,
  // as ENOSPC would on a full disk) part-way through.
  std::string original = "FROM alpine:3.20\nADD a /a\n";
  for (int i = 0; i < 300; ++i) original += "# padding line " + std::to_string(i) + "\n";
  ASSERT_GT(original.size(), 4096u);
  Write("Dockerfile", original);
  RunResult r = Exec({"fix", "--select", "DF020"}, 60, false, /*max_file_size=*/4096);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("shipshape: cannot write Dockerfile: File too large (Dockerfile was not "
                       "changed)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 found, 0 fixed, 1 left; 0 files changed"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(dir_ / "Dockerfile"), original);
  EXPECT_EQ(WriterTemps(dir_), std::vector<std::string>{});
  // A report file that cannot be written (~2 KB; stderr fits in the limit) fails the same way
  // and is not left half-written.
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  RunResult rep = Exec({"fix", "--select", "DF020", "--report", "fix.md"}, 60, false, 1024);
  EXPECT_EQ(rep.code, 2) << rep.err;
  EXPECT_NE(rep.err.find("cannot write fix.md: File too large (fix.md was not created)"),
            std::string::npos)
      << rep.err;
  EXPECT_FALSE(fs::exists(dir_ / "fix.md"));
  EXPECT_EQ(WriterTemps(dir_), std::vector<std::string>{});
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
  // MergedLines keeps every existing line and adds only missing ones, in the file's style.
  EXPECT_EQ(MergedLines("build/\r\n.env\r\n", ".env\n*.pem\n"), "build/\r\n.env\r\n*.pem\r\n");
  EXPECT_EQ(MergedLines("a", "a\nb\n"), "a\nb\n");
  ScanRoots roots;
  ASSERT_TRUE(roots.Add(d.string(), &err)) << err;
  auto run = [&](std::vector<PlannedWrite> writes, std::vector<std::string>* errors) {
    FixTransaction tx(roots);
    for (PlannedWrite& w : writes) tx.Add(std::move(w));
    std::vector<std::string> notes;
    tx.Prepare(errors, &notes);
    EXPECT_EQ(notes, std::vector<std::string>{});
    std::string commit_err;
    EXPECT_TRUE(tx.Commit(&commit_err)) << commit_err;
  };
  using Kind = PlannedWrite::Kind;
  const std::string f = (d / "f").string(), fix = (d / "Dockerfile.fix").string();
  // A new file is never created over an existing one.
  std::vector<std::string> errors;
  run({{Kind::kCreate, f, "other", "", 0600, 0, "x"}}, &errors);
  EXPECT_EQ(errors, std::vector<std::string>{f + " already exists; not overwritten"});
  EXPECT_EQ(Slurp(d / "f"), "original");
  // fix replaces a file only if it still holds what was read.
  std::ofstream(d / "Dockerfile.fix") << "ADD a /a\n";
  errors.clear();
  run({{Kind::kReplace, fix, "COPY a /a\n", "ADD a /a\n", 0644, 0, fix}}, &errors);
  EXPECT_EQ(errors, std::vector<std::string>{});
  EXPECT_EQ(Slurp(d / "Dockerfile.fix"), "COPY a /a\n");
  // Edited since it was read: left alone, and so are the side files of the same owner.
  run({{Kind::kReplace, fix, "x", "ADD a /a\n", 0644, 0, fix},
       {Kind::kMerge, (d / ".gitignore").string(), ".env\n", "", 0644, 0, fix}},
      &errors);
  EXPECT_EQ(errors, std::vector<std::string>{
                        fix + " changed on disk while it was being fixed; not overwritten (run fix again)"});
  EXPECT_EQ(Slurp(d / "Dockerfile.fix"), "COPY a /a\n");
  EXPECT_FALSE(fs::exists(d / ".gitignore"));
  // Deleted since it was read: not recreated.
  fs::remove(d / "Dockerfile.fix");
  errors.clear();
  run({{Kind::kReplace, fix, "x", "COPY a /a\n", 0644, 0, fix}}, &errors);
  EXPECT_EQ(errors, std::vector<std::string>{fix + " disappeared before it could be fixed; not recreated"});
  EXPECT_FALSE(fs::exists(d / "Dockerfile.fix"));
  // Through a symlink, the file it points to is replaced and the link stays a link.
  fs::create_directories(d / "real");
  std::ofstream(d / "real" / "Dockerfile") << "old";
  fs::create_symlink("real/Dockerfile", d / "Dockerfile");
  ASSERT_TRUE(AtomicWrite((d / "Dockerfile").string(), "new", &err)) << err;
  EXPECT_TRUE(fs::is_symlink(d / "Dockerfile"));
  EXPECT_EQ(Slurp(d / "real" / "Dockerfile"), "new");
  fs::remove_all(d);
}

/// The disk, except that the first Load of `victim` deletes it just before reading: the file was
/// listed, then removed (by a concurrent `git checkout`, an editor's save-by-rename...).
class VanishingFileSystem final : public FileSystem {
 public:
  explicit VanishingFileSystem(std::string victim) : victim_(std::move(victim)) {}
  bool Exists(const std::string& p) const override { return disk_.Exists(p); }
  bool IsDirectory(const std::string& p) const override { return disk_.IsDirectory(p); }
  std::optional<std::string> Read(const std::string& p, size_t limit) const override {
    return disk_.Read(p, limit);
  }
  std::optional<uint32_t> Mode(const std::string& p) const override { return disk_.Mode(p); }
  std::vector<std::string> List(const std::string& p) const override { return disk_.List(p); }
  bool Load(const std::string& p, size_t limit, std::string* text, uint32_t* mode,
            std::string* reason, int* error) const override {
    if (p == victim_) fs::remove(p);
    return disk_.Load(p, limit, text, mode, reason, error);
  }

 private:
  std::string victim_;
  RealFileSystem disk_;
};

TEST(Discover, FileDeletedMidScanIsSkippedWithAReason) {
  char tmpl[] = "/tmp/shipshape-vanish-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const fs::path d = tmpl;
  fs::create_directories(d / "a");
  fs::create_directories(d / "b");
  std::ofstream(d / "a" / "Dockerfile") << "FROM alpine:3.20\nADD a /a\n";
  std::ofstream(d / "b" / "Dockerfile") << "FROM alpine:3.20\nADD b /b\n";
  const std::string victim = (d / "b" / "Dockerfile").string();
  VanishingFileSystem vfs(victim);
  DiscoverOptions opts;
  opts.fs = &vfs;
  Discovered found = Discover({d.string()}, opts);
  EXPECT_TRUE(found.errors.empty());
  ASSERT_EQ(found.files.size(), 1u);
  EXPECT_EQ(found.files[0]->path, (d / "a" / "Dockerfile").string());
  ASSERT_EQ(found.skipped.size(), 1u);
  EXPECT_EQ(found.skipped[0].path, victim);
  EXPECT_EQ(found.skipped[0].reason,
            "file disappeared during the scan (deleted or renamed after it was listed)");
  // What the user sees: the text report's skipped line (the CLI prints the same as a note).
  Report report;
  report.skipped = found.skipped;
  std::string text, err;
  ASSERT_TRUE(Render("text", report, RenderOptions{}, &text, &err)) << err;
  EXPECT_NE(text.find(victim + ": skipped: file disappeared during the scan"), std::string::npos)
      << text;

  // Named on the command line, it is an error (exit 2): the user asked for that file.
  std::ofstream(d / "b" / "Dockerfile") << "FROM alpine:3.20\n";
  VanishingFileSystem again(victim);
  opts.fs = &again;
  Discovered named = Discover({victim}, opts);
  ASSERT_EQ(named.errors.size(), 1u);
  EXPECT_EQ(named.errors[0],
            victim + ": file disappeared during the scan (deleted or renamed after it was listed)");
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
