// Hostile repositories (issue 18): the binary runs on temporary repositories built the way an
// attacker's pull request would be, with symlinks to files outside the tree in place of every file
// shipshape reads or writes, FIFOs, devices and directories where files are expected. Checked:
//   - no byte outside the tree is read (inotify sees no open of the outside directory) or
//     written (outside files keep content and mtime), and errors quote nothing from them;
//   - no half-applied fix: after a refused or failed write (for every write N), the tree is as it
//     was; after a kill right after write N (for every N), every `${VAR}` a Compose file refers to
//     is in `.env`, no secret value is lost, and no temporary file is left;
//   - exit codes as documented: 0 clean, 1 findings, 2 errors.
#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "testing/spawn.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct RunResult {
  int code = -1;
  std::string out, err;
};

/// A Compose file with a literal credential: `fix --unsafe` moves it to `.env` (and adds lines to
/// `.env.example` and `.gitignore`).
constexpr const char* kSecret = "Zq8vLr2mXw9pTk4sHn3";
const std::string kCompose = std::string(
                                 "services:\n"
                                 "  db:\n"
                                 "    image: postgres:16.4\n"
                                 "    environment:\n"
                                 "      POSTGRES_PASSWORD: ") +
                             kSecret + "\n";

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shipshape-hostile-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    top_ = tmpl;
    repo_ = top_ / "repo";
    outside_ = top_ / "outside";
    fs::create_directories(repo_ / ".git");
    fs::create_directories(outside_);
    // What an attacker would like to read or append to.
    Outside("shadow", "root:$6$OUTSIDEHASHVALUE:19000:0:99999:7:::\n");
    Outside("env", "OUTSIDE_TOKEN=outside-value-7731\n");
    Outside("creds.env", "AWS_SECRET_ACCESS_KEY=outsideKEY0000000000000000000000000000000\n");
    Outside("victim", "victim file\n");
    Outside("Dockerfile", "FROM alpine:3.20\nHEALTHCHECK CMD true\n# OUTSIDE-DOCKERFILE\n");
    for (const auto& e : fs::directory_iterator(outside_))
      mtimes_[e.path().filename()] = fs::last_write_time(e.path());
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(top_, ec);
  }

  void Outside(const std::string& name, const std::string& content) {
    std::ofstream(outside_ / name, std::ios::binary) << content;
  }
  void Write(const std::string& rel, const std::string& content) {
    fs::create_directories((repo_ / rel).parent_path());
    std::ofstream(repo_ / rel, std::ios::binary) << content;
  }
  void Link(const std::string& rel, const fs::path& target) {
    fs::create_directories((repo_ / rel).parent_path());
    fs::create_symlink(target, repo_ / rel);
  }

  RunResult Exec(std::vector<std::string> args, std::vector<std::string> env = {},
                 const fs::path& cwd = {}) {
    test::SpawnOptions so;
    so.argv = {SHIPSHAPE_BINARY};
    so.argv.insert(so.argv.end(), args.begin(), args.end());
    so.env = std::vector<std::string>{"NO_COLOR=1", "PATH=/usr/bin:/bin"};
    so.env->insert(so.env->end(), env.begin(), env.end());
    so.cwd = cwd.empty() ? repo_.string() : cwd.string();
    so.stdout_path = top_.string() + "/stdout";
    so.stderr_path = top_.string() + "/stderr";
    so.timeout_s = 30;
    test::SpawnResult s = test::Spawn(so);
    EXPECT_EQ(s.error, "");
    EXPECT_FALSE(s.timed_out) << "timed out (blocked on a FIFO?)";
    return {s.code, std::move(s.out), std::move(s.err)};
  }

  /// Every outside file still has its content and mtime, and nothing was added there.
  void ExpectOutsideUntouched(const RunResult& r) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(outside_)) names.insert(e.path().filename());
    std::set<std::string> before;
    for (const auto& [name, t] : mtimes_) before.insert(name);
    EXPECT_EQ(names, before);
    for (const auto& [name, t] : mtimes_) {
      EXPECT_EQ(fs::last_write_time(outside_ / name), t) << name << " was written";
    }
    EXPECT_EQ(Slurp(outside_ / "victim"), "victim file\n");
    EXPECT_EQ(Slurp(outside_ / "env"), "OUTSIDE_TOKEN=outside-value-7731\n");
    // Nothing from them in any output.
    for (const char* leak : {"OUTSIDEHASHVALUE", "outside-value-7731", "outsideKEY",
                             "AWS_SECRET_ACCESS_KEY", "OUTSIDE-DOCKERFILE"}) {
      EXPECT_EQ(r.out.find(leak), std::string::npos) << leak << " in stdout:\n" << r.out;
      EXPECT_EQ(r.err.find(leak), std::string::npos) << leak << " in stderr:\n" << r.err;
    }
  }

  /// Temp files the writer would leave behind.
  std::vector<std::string> Temps() {
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(top_))
      if (e.path().filename().string().rfind(".shipshape-", 0) == 0) found.push_back(e.path());
    return found;
  }

  /// Every regular file under the repository (relative path -> content).
  std::map<std::string, std::string> Tree() {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(repo_))
      if (e.is_regular_file() && !e.is_symlink())
        files[fs::relative(e.path(), repo_).string()] = Slurp(e.path());
    return files;
  }

  fs::path top_, repo_, outside_;
  std::map<std::string, fs::file_time_type> mtimes_;
};

/// Opens of files in `dir` (by any process) while it is watched: proof that nothing read there.
class OpenWatch {
 public:
  explicit OpenWatch(const fs::path& dir) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ >= 0) ::inotify_add_watch(fd_, dir.c_str(), IN_OPEN | IN_ACCESS | IN_MODIFY);
  }
  ~OpenWatch() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  /// Names of the files opened, read or written since the watch began.
  std::set<std::string> Touched() {
    std::set<std::string> names;
    alignas(inotify_event) char buf[8192];
    ssize_t n;
    while ((n = ::read(fd_, buf, sizeof buf)) > 0) {
      for (char* p = buf; p < buf + n;) {
        auto* e = reinterpret_cast<inotify_event*>(p);
        names.insert(e->len ? std::string(e->name) : std::string("(the directory)"));
        p += sizeof(inotify_event) + e->len;
      }
    }
    return names;
  }

 private:
  int fd_ = -1;
};

TEST_F(Hostile, FixNeverWritesThroughSymlinksOutsideAndLosesNothing) {
  Write("compose.yaml", kCompose);
  Link(".env", outside_ / "env");
  Link(".env.example", "../outside/victim");
  Link(".gitignore", outside_ / "victim");
  const auto before = Tree();
  RunResult r = Exec({"fix", "--unsafe", "."});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find(".env leads outside the scanned tree"), std::string::npos) << r.err;
  ExpectOutsideUntouched(r);
  // The Compose file was not rewritten to ${POSTGRES_PASSWORD}: the value is still where it was.
  EXPECT_EQ(Tree(), before);
  EXPECT_EQ(Temps(), std::vector<std::string>{});
}

TEST_F(Hostile, FixRefusesADirectoryOrDanglingSymlinkAsEnvAndKeepsTheSecret) {
  for (const std::string kind : {"venv", "dangling", "fifo"}) {
    SCOPED_TRACE(kind);
    fs::remove_all(repo_);
    fs::create_directories(repo_ / ".git");
    Write("compose.yaml", kCompose);
    if (kind == "venv") Write(".env/bin/activate", "# a Python venv\n");
    if (kind == "dangling") Link(".env", "secrets/missing.env");
    if (kind == "fifo") {
      ASSERT_EQ(::mkfifo((repo_ / ".env").c_str(), 0600), 0);
    }
    const auto before = Tree();
    RunResult r = Exec({"fix", "--unsafe", "."});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_EQ(Tree(), before) << r.err;  // compose.yaml still holds the value
    EXPECT_NE(Slurp(repo_ / "compose.yaml").find(kSecret), std::string::npos);
    EXPECT_FALSE(fs::exists(repo_ / "secrets"));
    EXPECT_EQ(Temps(), std::vector<std::string>{});
    EXPECT_EQ(r.err.find(kSecret), std::string::npos) << r.err;
  }
}

TEST_F(Hostile, ReadsNeverLeaveTheTree) {
  OpenWatch watch(outside_);
  ASSERT_TRUE(watch.ok());
  Write("compose.yaml",
        "services:\n"
        "  api:\n"
        "    image: nginx:${OUTSIDE_TOKEN}\n"
        "    env_file: ../outside/creds.env\n"
        "  worker:\n"
        "    image: alpine:3.20\n"
        "    env_file:\n"
        "      - " + (outside_ / "creds.env").string() + "\n"
        "  app:\n"
        "    build:\n"
        "      context: .\n"
        "      dockerfile: " + (outside_ / "Dockerfile").string() + "\n"
        "  rel:\n"
        "    build:\n"
        "      context: ../outside\n");
  Link(".env", outside_ / "env");
  Link("sub/.env", "../../outside/env");
  Link("Dockerfile", "../outside/Dockerfile");
  Link("sub/compose.yaml", outside_ / "creds.env");
  Link(".dockerignore", outside_ / "victim");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", "--format", "json"}, {"check", "--format", "text", "."},
        {"check", "compose.yaml", "--format", "sarif"}, {"fix", "--unsafe", "--diff", "."},
        {"fix", "--unsafe", "."}}) {
    RunResult r = Exec(args);
    EXPECT_EQ(watch.Touched(), std::set<std::string>{}) << args[0] << " opened files outside";
    ExpectOutsideUntouched(r);
    watch.Touched();  // the checks just made read them
  }
  // Named on the command line, a symlink out of the tree is an error, not a silent skip.
  RunResult named = Exec({"check", "Dockerfile"});
  EXPECT_EQ(watch.Touched(), std::set<std::string>{});
  EXPECT_EQ(named.code, 2) << named.err;
  EXPECT_NE(named.err.find("Dockerfile: symlink or path leads outside the scanned tree"),
            std::string::npos)
      << named.err;
  ExpectOutsideUntouched(named);
}

TEST_F(Hostile, ConfigSymlinkedOutsideIsRefusedWithoutQuotingIt) {
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  for (const char* name : {".shipshape.yaml", ".hadolint.yaml"}) {
    SCOPED_TRACE(name);
    Link(name, outside_ / "shadow");
    RunResult r = Exec({"check", "."});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find(std::string("cannot read config ")), std::string::npos) << r.err;
    ExpectOutsideUntouched(r);
    fs::remove(repo_ / name);
  }
  // Inside the tree but not a config (a .env): the error quotes no line of it.
  Write(".env", "DB_PASSWORD=inside-secret-4411\nweird key with spaces: inside-secret-4411\n");
  Link(".shipshape.yaml", ".env");
  RunResult r = Exec({"check", "."});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(r.err.find("inside-secret-4411"), std::string::npos) << r.err;
}

TEST_F(Hostile, ConfigSearchStopsAtTheRepositoryRoot) {
  // A directory above the checkout (a shared runner's work directory) plants a config that
  // would silence the audit.
  std::ofstream(top_ / ".shipshape.yaml") << "exclude: [\"**\"]\n";
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  RunResult r = Exec({"check", "--select", "DF020", "."});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("DF020"), std::string::npos) << r.out;
  // Without a repository, the search stops at the working directory (the scanned one here).
  fs::remove_all(repo_ / ".git");
  RunResult sub = Exec({"check", "--select", "DF020", "."});
  EXPECT_EQ(sub.code, 1) << sub.err;
  // The repository's own config is still found from a subdirectory.
  fs::create_directories(repo_ / ".git");
  Write("app/Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  Write(".shipshape.yaml", "ignore: [DF020]\n");
  RunResult own = Exec({"check", "--select", "DF", "app"});
  EXPECT_EQ(own.out.find("DF020"), std::string::npos) << own.out;
  fs::remove(top_ / ".shipshape.yaml");
}

TEST_F(Hostile, ReportTargetsAreNeverFollowedOutOrReplacedWhenSpecial) {
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  // The Action's default report name, planted as a symlink.
  Link("shipshape.sarif", outside_ / "victim");
  RunResult r = Exec({"check", ".", "--format", "sarif=shipshape.sarif"});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("leads outside the scanned tree"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_symlink(repo_ / "shipshape.sarif"));
  ExpectOutsideUntouched(r);
  // --report the same way.
  Link("fix.md", "../outside/victim");
  RunResult rep = Exec({"fix", ".", "--select", "DF020", "--report", "fix.md"});
  EXPECT_EQ(rep.code, 2) << rep.err;
  ExpectOutsideUntouched(rep);
  // A FIFO in the tree: refused at once (no hang), and still a FIFO.
  ASSERT_EQ(::mkfifo((repo_ / "out.json").c_str(), 0644), 0);
  RunResult fifo = Exec({"check", ".", "--format", "json=out.json"});
  EXPECT_EQ(fifo.code, 2) << fifo.err;
  EXPECT_TRUE(fs::is_fifo(repo_ / "out.json"));
  // A missing directory is an error, and is not created.
  RunResult dir = Exec({"check", ".", "--format", "json=reports/out.json"});
  EXPECT_EQ(dir.code, 2) << dir.err;
  EXPECT_NE(dir.err.find("directory reports does not exist"), std::string::npos) << dir.err;
  EXPECT_FALSE(fs::exists(repo_ / "reports"));
  // A regular file inside is replaced; outside the tree the operator's path works as before.
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");  // the fix above applied DF020
  RunResult ok = Exec({"check", ".", "--select", "DF020", "--format", "json=ok.json"});
  EXPECT_EQ(ok.code, 1) << ok.err;
  EXPECT_NE(Slurp(repo_ / "ok.json").find("DF020"), std::string::npos);
  RunResult away = Exec({"check", ".", "--select", "DF020", "--format",
                         "json=" + (top_ / "away.json").string()});
  EXPECT_EQ(away.code, 1) << away.err;
  EXPECT_NE(Slurp(top_ / "away.json").find("DF020"), std::string::npos);
}

TEST_F(Hostile, DeviceOutsideTheTreeIsWrittenIntoNotReplaced) {
  if (::geteuid() != 0) GTEST_SKIP() << "mknod needs root";
  // A private copy of /dev/null (same device numbers): the real one is never put at risk.
  const fs::path null = top_ / "null";
  ASSERT_EQ(::mknod(null.c_str(), S_IFCHR | 0666, ::makedev(1, 3)), 0);
  Write("Dockerfile", "FROM alpine:3.20\nADD a /a\n");
  RunResult r = Exec({"check", ".", "--select", "DF020", "--format", "json=" + null.string()});
  EXPECT_EQ(r.code, 1) << r.err;
  struct stat st;
  ASSERT_EQ(::lstat(null.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "the device became a regular file";
  // The same device planted inside the tree is refused.
  ASSERT_EQ(::mknod((repo_ / "dev.json").c_str(), S_IFCHR | 0666, ::makedev(1, 3)), 0);
  RunResult in = Exec({"check", ".", "--select", "DF020", "--format", "json=dev.json"});
  EXPECT_EQ(in.code, 2) << in.err;
  ASSERT_EQ(::lstat((repo_ / "dev.json").c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(Hostile, FifoConfigIsAnErrorAndOtherFifosAreSkippedWithANote) {
  Write("compose.yaml", "services:\n  api:\n    image: nginx:1.27\n    env_file: app.env\n");
  for (const char* name : {".env", "app.env", "Dockerfile", "api.Dockerfile", ".dockerignore"})
    ASSERT_EQ(::mkfifo((repo_ / name).c_str(), 0644), 0) << name;
  RunResult r = Exec({"check", "."});
  EXPECT_NE(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("skipped Dockerfile: not a regular file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("skipped .env: not a regular file"), std::string::npos) << r.err;
  RunResult named = Exec({"check", "Dockerfile"});
  EXPECT_EQ(named.code, 2) << named.err;
  ASSERT_EQ(::mkfifo((repo_ / ".shipshape.yaml").c_str(), 0644), 0);
  RunResult config = Exec({"check", "."});
  EXPECT_EQ(config.code, 2) << config.err;
  EXPECT_NE(config.err.find("not a regular file"), std::string::npos) << config.err;
}

TEST_F(Hostile, SilentBypassesAreVisible) {
  // A NUL byte in a comment does not hide a Dockerfile from the audit.
  const char kNul[] = "FROM alpine:3.20\n# a\0b\nADD a /a\n";
  Write("Dockerfile", std::string(kNul, sizeof kNul - 1));
  RunResult nul = Exec({"check", "--select", "DF020", "."});
  EXPECT_EQ(nul.code, 1) << nul.err;
  EXPECT_NE(nul.out.find("DF020"), std::string::npos) << nul.out;
  // Named explicitly: a binary or oversized file is an error, never "No problems found".
  Write("blob.bin", std::string("\x7f" "ELF\0\0\0", 7));
  RunResult bin = Exec({"check", "blob.bin"});
  EXPECT_EQ(bin.code, 2) << bin.err;
  EXPECT_NE(bin.err.find("blob.bin: binary file"), std::string::npos) << bin.err;
  RunResult big = Exec({"check", "Dockerfile", "--max-file-size", "10"});
  EXPECT_EQ(big.code, 2) << big.err;
  EXPECT_NE(big.err.find("Dockerfile: file too large"), std::string::npos) << big.err;
  // --select with a code no rule has runs nothing: an error.
  RunResult sel = Exec({"check", "--select", "DF9999", "."});
  EXPECT_EQ(sel.code, 2) << sel.err;
  EXPECT_NE(sel.err.find("--select DF9999: no rule"), std::string::npos) << sel.err;
  RunResult prefix = Exec({"check", "--select", "DF0", "."});
  EXPECT_EQ(prefix.code, 1) << prefix.err;
}

TEST_F(Hostile, InspectInputIsCapped) {
  {
    std::ofstream big(repo_ / "inspect.json");
    big << "[";
  }
  fs::resize_file(repo_ / "inspect.json", (32u << 20) + 1);
  RunResult r = Exec({"inspect", "inspect.json"});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("larger than 32 MiB"), std::string::npos) << r.err;
}

/// A project whose `fix --unsafe` writes several files: a fixed Dockerfile, a Compose file whose
/// secret moves to `.env` (with `.env.example` and `.gitignore` lines) and a `.dockerignore`.
class FixTransactionE2e : public Hostile {
 protected:
  void WriteProject() {
    Write("compose.yaml", kCompose);
    Write("api/compose.yaml", std::string("services:\n  api:\n    image: nginx:1.27\n"
                                          "    environment:\n      API_TOKEN: ") +
                                  "Tk7pQ2wLm9xZr4vB8nC" + "\n");
    Write("Dockerfile", "FROM alpine:3.20\nADD app.py /app/\n");
    Write("app.py", "print(1)\n");
    Write(".gitignore", "build/\n");
  }
  /// Every `${VAR}` in the Compose files that the original did not have is set in the `.env`
  /// beside it, and each original secret is in the Compose file or in that `.env`.
  void ExpectNothingLost() {
    ExpectNothingLostIn({{"compose.yaml", kSecret}, {"api/compose.yaml", "Tk7pQ2wLm9xZr4vB8nC"}});
  }
  /// The same for Compose files (relative path -> the secret it held).
  void ExpectNothingLostIn(const std::map<std::string, std::string>& secrets) {
    const std::regex var(R"(\$\{([A-Z0-9_]+)\})");
    for (const auto& [compose, secret] : secrets) {
      const std::string text = Slurp(repo_ / compose);
      const fs::path env = (repo_ / compose).parent_path() / ".env";
      const std::string dotenv = fs::exists(env) ? Slurp(env) : "";
      for (auto it = std::sregex_iterator(text.begin(), text.end(), var); it != std::sregex_iterator(); ++it)
        EXPECT_NE(dotenv.find((*it)[1].str() + "="), std::string::npos)
            << compose << " refers to " << (*it)[0] << " but " << env << " lacks it:\n" << dotenv;
      EXPECT_TRUE(text.find(secret) != std::string::npos || dotenv.find(secret) != std::string::npos)
          << "the secret of " << compose << " is gone";
    }
  }
};

TEST_F(FixTransactionE2e, KilledAfterAnyWriteLeavesAConsistentTree) {
  WriteProject();
  const auto original = Tree();
  RunResult full = Exec({"fix", "--unsafe", "."});
  ASSERT_NE(full.code, 2) << full.err;
  const auto fixed = Tree();
  size_t writes = 0;
  for (const auto& [path, content] : fixed) {
    auto it = original.find(path);
    writes += it == original.end() || it->second != content;
  }
  ASSERT_GE(writes, 5u) << "the project should need several writes";
  for (size_t n = 1; n <= writes; ++n) {
    SCOPED_TRACE("killed after write " + std::to_string(n));
    fs::remove_all(repo_);
    fs::create_directories(repo_ / ".git");
    WriteProject();
    RunResult r = Exec({"fix", "--unsafe", "."}, {"SHIPSHAPE_TEST_KILL_AFTER_WRITE=" + std::to_string(n)});
    EXPECT_EQ(r.code, 128 + SIGKILL) << r.err;
    ExpectNothingLost();
    EXPECT_EQ(Temps(), std::vector<std::string>{});
    // Running fix again finishes the job.
    RunResult again = Exec({"fix", "--unsafe", "."});
    EXPECT_NE(again.code, 2) << again.err;
    ExpectNothingLost();
    EXPECT_EQ(Tree(), fixed);
  }
}

TEST_F(FixTransactionE2e, AFailedWriteRestoresEverything) {
  WriteProject();
  const auto original = Tree();
  for (int n = 1; n <= 6; ++n) {
    SCOPED_TRACE("write " + std::to_string(n) + " fails");
    RunResult r = Exec({"fix", "--unsafe", "."}, {"SHIPSHAPE_TEST_FAIL_WRITE=" + std::to_string(n)});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("SHIPSHAPE_TEST_FAIL_WRITE"), std::string::npos) << r.err;
    EXPECT_EQ(Tree(), original);
    EXPECT_EQ(Temps(), std::vector<std::string>{});
    EXPECT_NE(r.err.find(" 0 fixed"), std::string::npos) << r.err;
  }
}

TEST_F(FixTransactionE2e, NoNameEverGetsTwoValues) {
  // Two Compose files in one directory, each with its own token under the same name.
  Write("compose.yaml", std::string("services:\n  api:\n    image: nginx:1.27\n    environment:\n"
                                    "      API_TOKEN: Aa1Bb2Cc3Dd4Ee5Ff6Gg\n"));
  Write("compose.prod.yaml", std::string("services:\n  api:\n    image: nginx:1.27\n    environment:\n"
                                         "      API_TOKEN: Zz9Yy8Xx7Ww6Vv5Uu4Tt\n"));
  // The transaction never stores a second value under a name; the file whose value clashes is
  // fixed in a second round, where its rules see the first value in `.env` and pick a free name.
  RunResult r = Exec({"fix", "--unsafe", "."});
  EXPECT_NE(r.code, 2) << r.err;
  std::map<std::string, std::set<std::string>> values;
  std::istringstream env(fs::exists(repo_ / ".env") ? Slurp(repo_ / ".env") : "");
  for (std::string line; std::getline(env, line);) {
    const size_t eq = line.find('=');
    if (eq != std::string::npos) values[line.substr(0, eq)].insert(line.substr(eq + 1));
  }
  for (const auto& [key, vals] : values) EXPECT_EQ(vals.size(), 1u) << key << " has two values";
  // Both were fixed (the second in a second round, under a name of its own).
  EXPECT_EQ(Slurp(repo_ / "compose.yaml").find("Aa1Bb2Cc3Dd4Ee5Ff6Gg"), std::string::npos);
  EXPECT_EQ(Slurp(repo_ / "compose.prod.yaml").find("Zz9Yy8Xx7Ww6Vv5Uu4Tt"), std::string::npos);
  ExpectNothingLostIn({{"compose.yaml", "Aa1Bb2Cc3Dd4Ee5Ff6Gg"},
                       {"compose.prod.yaml", "Zz9Yy8Xx7Ww6Vv5Uu4Tt"}});
}

}  // namespace
}  // namespace shipshape
