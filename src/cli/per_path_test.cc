// `per-path:` settings reach the files their globs name, end to end through `shipshape check`
// and `shipshape fix` (the config is found upward from the scanned directory).
#include <stdlib.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace shipshape {
namespace {

namespace fs = std::filesystem;

struct Ran {
  int code = -1;
  std::string out;
};

// Runs build/shipshape with `args` in `cwd` (stdout captured, stderr dropped).
Ran Shipshape(const fs::path& cwd, const std::string& args) {
  const std::string cmd =
      "cd '" + cwd.string() + "' && '" SHIPSHAPE_BINARY "' " + args + " 2>/dev/null";
  Ran r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

class PerPath : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shipshape-perpath-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    // The same Dockerfile twice: `apt-get install` without -y (DF040, fixable) and unpinned (DF044,
    // info by default).
    const std::string df = "FROM debian:12.6\nRUN apt-get update && apt-get install curl\n";
    for (const char* f : {"app/Dockerfile", "legacy/old/Dockerfile"}) {
      fs::create_directories((dir_ / f).parent_path());
      std::ofstream(dir_ / f) << df;
    }
    std::ofstream(dir_ / ".shipshape.yaml") << "per-path:\n"
                                               "  - paths: [\"legacy/\"]\n"
                                               "    ignore: [DF040]\n"
                                               "    severity: {DF044: error}\n";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // (rule, severity) pairs reported for `file`.
  std::multiset<std::pair<std::string, std::string>> Findings(const nlohmann::json& report,
                                                              const std::string& file) {
    std::multiset<std::pair<std::string, std::string>> out;
    for (const auto& d : report["diagnostics"]) {
      if (d["path"].get<std::string>().find(file) == std::string::npos) continue;
      out.insert({d["rule"].get<std::string>(), d["severity"].get<std::string>()});
    }
    return out;
  }

  fs::path dir_;
};

TEST_F(PerPath, CheckAppliesOverridesOnlyBelowTheGlob) {
  Ran r = Shipshape(dir_, "check . --format json --select DF040,DF044");
  ASSERT_EQ(r.code, 1) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  auto app = Findings(j, "app/Dockerfile");
  auto legacy = Findings(j, "legacy/old/Dockerfile");
  EXPECT_EQ(app.count({"DF040", "warning"}), 1u) << r.out;
  EXPECT_EQ(app.count({"DF044", "info"}), 1u) << r.out;
  EXPECT_EQ(legacy.count({"DF040", "warning"}), 0u) << r.out;
  EXPECT_EQ(legacy.count({"DF044", "error"}), 1u) << r.out;
}

TEST_F(PerPath, FixLeavesIgnoredRulesAloneBelowTheGlob) {
  Ran r = Shipshape(dir_, "fix .");
  ASSERT_NE(r.code, 2) << r.out;
  auto read = [](const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  EXPECT_NE(read(dir_ / "app/Dockerfile").find("install -y"), std::string::npos);
  EXPECT_EQ(read(dir_ / "legacy/old/Dockerfile").find("-y"), std::string::npos);
}

// `-j2` (attached, as make takes it) means the same as `-j 2`; output is identical to one thread.
TEST_F(PerPath, JobsFlagTakesAnAttachedValue) {
  Ran attached = Shipshape(dir_, "check . --format json -j2");
  Ran separate = Shipshape(dir_, "check . --format json -j 1");
  EXPECT_EQ(attached.code, 1);
  EXPECT_EQ(attached.out, separate.out);
  EXPECT_EQ(Shipshape(dir_, "check . -jx").code, 2);
  EXPECT_EQ(Shipshape(dir_, "check . -j0").code, 2);
}

}  // namespace
}  // namespace shipshape
