// End-to-end tests of `shipshape fix --report FILE` and `fix --into-override FILE`: the binary runs
// on a temporary copy of a small project, and what it says it did (the Markdown report, the JSON
// fix_result) is checked against what actually changed on disk.
//
// Some checks are properties rather than fixed expectations, so they keep holding as rules are
// added: "the files the report lists as added are exactly the files that appeared", "the compose
// file merged with the override equals the compose file fixed in place".
#include <fcntl.h>
#include <signal.h>
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

#include "compose/compose.h"
#include "core/workspace.h"
#include "testing/spawn.h"
#include "yaml/yaml.h"

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

/// Every regular file under `root` (relative path -> content), skipping `skip`.
std::map<std::string, std::string> Snapshot(const fs::path& root, const std::set<std::string>& skip) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), root).string();
    if (!skip.count(rel)) files[rel] = Slurp(e.path());
  }
  return files;
}

/// The `- `path`` items under the Markdown heading `heading`.
std::set<std::string> MarkdownList(const std::string& md, const std::string& heading) {
  std::set<std::string> items;
  size_t at = md.find("\n" + heading + "\n");
  if (at == std::string::npos) return items;
  std::stringstream ss(md.substr(at + heading.size() + 2));
  std::string line;
  std::getline(ss, line);  // the blank line after the heading
  while (std::getline(ss, line) && line.rfind("- `", 0) == 0)
    items.insert(line.substr(3, line.size() - 4));
  return items;
}

class FixE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shipshape-fixe2e-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void Write(const std::string& rel, const std::string& content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  std::string Read(const std::string& rel) { return Slurp(dir_ / rel); }

  /// Runs the binary with `args` in `cwd` (default: the temp dir), capturing output.
  RunResult Exec(std::vector<std::string> args, const fs::path& cwd = {}) {
    test::SpawnOptions so;
    so.argv = {SHIPSHAPE_BINARY};
    so.argv.insert(so.argv.end(), args.begin(), args.end());
    so.env = std::vector<std::string>{"NO_COLOR=1", "PATH=/usr/bin:/bin"};
    so.cwd = cwd.empty() ? dir_.string() : cwd.string();
    so.stdout_path = dir_.string() + ".out";
    so.stderr_path = dir_.string() + ".err";
    test::SpawnResult s = test::Spawn(so);
    EXPECT_EQ(s.error, "");
    EXPECT_FALSE(s.timed_out) << "timed out";
    fs::remove(so.stdout_path);
    fs::remove(so.stderr_path);
    return {s.code, std::move(s.out), std::move(s.err)};
  }

  /// A small project with problems of several kinds, some fixable.
  void WriteProject() {
    Write("Dockerfile",
          "FROM python:3.12-slim\n"
          "WORKDIR /app\n"
          "ADD requirements.txt /app/\n"
          "RUN pip install -r requirements.txt\n"
          "ADD app.py /app/\n"
          "CMD [\"python\", \"app.py\"]\n");
    Write("api/Dockerfile", "FROM node:20\nadd server.js /srv/\nCMD [\"node\", \"/srv/server.js\"]\n");
    Write("compose.yaml", kCompose);
    Write("requirements.txt", "flask==3.0.0\n");
    Write("app.py", "print('hi')\n");
    Write("api/server.js", "console.log('hi')\n");
  }

  static constexpr const char* kCompose =
      "services:\n"
      "  web:\n"
      "    build: .\n"
      "    ports:\n"
      "      - \"8080:80\"\n"
      "    environment:\n"
      "      DB_PASSWORD: hunter2-not-a-real-secret\n"
      "    privileged: true\n"
      "  api:\n"
      "    build: ./api\n"
      "    bogus_key: 1\n";

  fs::path dir_;
};

TEST_F(FixE2e, MarkdownReportListsWhatWasFixed) {
  WriteProject();
  const auto before = Snapshot(dir_, {});
  // The report's directory is never created: an error before anything is fixed.
  const RunResult no_dir = Exec({"fix", "--select", "DF020,DC001", "--report", "out/fix.md"});
  EXPECT_EQ(no_dir.code, 2) << no_dir.err;
  EXPECT_NE(no_dir.err.find("directory out does not exist"), std::string::npos) << no_dir.err;
  EXPECT_EQ(Snapshot(dir_, {}), before);
  fs::create_directories(dir_ / "out");
  const RunResult r = Exec({"fix", "--select", "DF020,DC001", "--report", "out/fix.md"});
  // The schema violation (DC001 bogus_key) has no fix: it is left, so the run fails.
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("4 found, 3 fixed, 1 left; 2 files changed, 0 files added"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("wrote markdown report to out/fix.md"), std::string::npos) << r.err;
  // --report comes on top of the text output.
  EXPECT_NE(r.out.find("DC001"), std::string::npos) << r.out;

  const std::string md = Read("out/fix.md");
  ASSERT_FALSE(md.empty()) << r.err;
  EXPECT_NE(md.find("## Fix results\n\n"
                    "| Issues found | Issues fixed | Issues left | Files changed | Files added |\n"
                    "|-------------:|-------------:|------------:|--------------:|------------:|\n"
                    "| 4 | 3 | 1 | 2 | 0 |\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("### Fixes applied\n\n| Rule | Name | Fixes |\n|------|------|------:|\n"
                    "| `DF020` | add-for-local-files | 3 |\n"),
            std::string::npos)
      << md;
  EXPECT_EQ(MarkdownList(md, "### Files changed"),
            (std::set<std::string>{"Dockerfile", "api/Dockerfile"}));
  EXPECT_EQ(md.find("### Files added"), std::string::npos) << md;
  // What is left is in the findings, against the fixed text.
  EXPECT_NE(md.find("bogus_key"), std::string::npos) << md;
  EXPECT_EQ(Read("Dockerfile").find("ADD "), std::string::npos);
  EXPECT_NE(Read("api/Dockerfile").find("copy server.js"), std::string::npos) << "casing kept";

  // A second run finds nothing to fix and says so.
  const RunResult again = Exec({"fix", "--select", "DF020,DC001", "--report", "out/fix.md"});
  const std::string md2 = Read("out/fix.md");
  EXPECT_NE(md2.find("| 1 | 0 | 1 | 0 | 0 |"), std::string::npos) << md2;
  EXPECT_EQ(md2.find("### Fixes applied"), std::string::npos) << md2;
}

// Whatever rules exist: the report's lists and counts agree with the disk and with each other.
TEST_F(FixE2e, ReportAgreesWithTheDisk) {
  WriteProject();
  const std::set<std::string> outputs = {"fix.md", "fix.json"};
  const auto before = Snapshot(dir_, outputs);
  const RunResult r = Exec({"fix", "--unsafe", "--report", "fix.md", "--format", "json=fix.json"});
  ASSERT_NE(r.code, 2) << r.err;
  const auto after = Snapshot(dir_, outputs);
  std::set<std::string> added, changed;
  for (const auto& [path, content] : after) {
    auto it = before.find(path);
    if (it == before.end()) added.insert(path);
    else if (it->second != content) changed.insert(path);
  }
  for (const auto& [path, content] : before) EXPECT_TRUE(after.count(path)) << path << " vanished";

  const std::string md = Read("fix.md");
  EXPECT_EQ(MarkdownList(md, "### Files changed"), changed) << md;
  EXPECT_EQ(MarkdownList(md, "### Files added"), added) << md;
  EXPECT_TRUE(changed.count("Dockerfile"));

  const nlohmann::json j = nlohmann::json::parse(Read("fix.json"), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  const nlohmann::json& fr = j["fix_result"];
  EXPECT_EQ(fr["files_changed"].size(), changed.size());
  EXPECT_EQ(fr["files_added"].size(), added.size());
  EXPECT_EQ(fr["left"], j["diagnostics"].size());
  const std::string row = "| " + fr["found"].dump() + " | " + fr["fixed"].dump() + " | " +
                          fr["left"].dump() + " | " + std::to_string(changed.size()) + " | " +
                          std::to_string(added.size()) + " |";
  EXPECT_NE(md.find(row), std::string::npos) << row << "\n" << md;
  // The per-rule table sums to the fixed count.
  size_t per_rule = 0;
  std::stringstream ss(md.substr(md.find("### Fixes applied")));
  for (std::string line; std::getline(ss, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    per_rule += std::stoul(line.substr(line.rfind("| ", line.size() - 3) + 2));
  }
  EXPECT_EQ(per_rule, fr["fixed"].get<size_t>()) << md;
}

TEST_F(FixE2e, IntoOverrideUsageErrors) {
  WriteProject();
  EXPECT_EQ(Exec({"fix", "--into-override"}).code, 2);
  const RunResult dir = Exec({"fix", "--into-override", "prod/"});
  EXPECT_EQ(dir.code, 2);
  EXPECT_NE(dir.err.find("--into-override takes a file name"), std::string::npos) << dir.err;
  const RunResult self = Exec({"fix", "--into-override", "compose.yaml"});
  EXPECT_EQ(self.code, 2);
  EXPECT_NE(self.err.find("names the compose file compose.yaml itself"), std::string::npos)
      << self.err;
  EXPECT_EQ(Read("compose.yaml"), kCompose);
  EXPECT_NE(Read("Dockerfile").find("ADD "), std::string::npos) << "a refused run writes nothing";
}

/// Mapping keys sorted, tags dropped, for comparing merged trees.
std::string Canonical(const yaml::Node* n) {
  if (!n) return "~";
  switch (n->kind) {
    case yaml::Kind::kScalar:
      return n->style == yaml::ScalarStyle::kPlain && n->IsNull() ? "~" : "'" + n->value + "'";
    case yaml::Kind::kSequence: {
      std::string s = "[";
      for (const yaml::Item& it : n->items) s += Canonical(it.node) + ",";
      return s + "]";
    }
    case yaml::Kind::kMapping: {
      std::map<std::string, std::string> sorted;
      for (const yaml::Entry& e : n->entries) sorted[e.key->value] = Canonical(e.value);
      std::string s = "{";
      for (const auto& [k, v] : sorted) s += k + ":" + v + ",";
      return s + "}";
    }
  }
  return "?";
}

TEST_F(FixE2e, IntoOverrideKeepsComposeAndMergesToTheFixedFile) {
  WriteProject();
  // A twin project fixed in place, for comparison.
  const fs::path twin = dir_ / "twin";
  Write("twin/compose.yaml", kCompose);
  Write("twin/Dockerfile", Read("Dockerfile"));
  Write("twin/api/Dockerfile", Read("api/Dockerfile"));
  ASSERT_NE(Exec({"fix", "--unsafe", "."}, twin).code, 2);
  const std::string fixed_in_place = Read("twin/compose.yaml");
  fs::remove_all(twin);

  const RunResult r = Exec({"fix", "--unsafe", "--into-override", "compose.prod.yaml",
                            "--report", "fix.md", "--format", "json=fix.json", "."});
  ASSERT_NE(r.code, 2) << r.err;
  EXPECT_EQ(Read("compose.yaml"), kCompose) << "--into-override must not edit the compose file";
  // What is left is located in the compose file as it is on disk, and no secret shows.
  const nlohmann::json j = nlohmann::json::parse(Read("fix.json"), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  const std::string md_text = Read("fix.md");
  for (const auto& d : j["diagnostics"]) {
    if (d["path"] != "compose.yaml") continue;
    EXPECT_LE(d["end_line"].get<int>(), 12) << d.dump();
  }
  EXPECT_EQ(md_text.find("hunter2"), std::string::npos);
  EXPECT_EQ(r.out.find("hunter2"), std::string::npos);
  EXPECT_EQ(Read("Dockerfile").find("ADD "), std::string::npos) << "other files are still fixed";
  const std::string md = Read("fix.md");
  EXPECT_EQ(MarkdownList(md, "### Files changed").count("compose.yaml"), 0u) << md;

  ASSERT_NE(fixed_in_place, kCompose) << "fix --unsafe changed nothing in the Compose file";
  ASSERT_TRUE(fs::exists(dir_ / "compose.prod.yaml")) << r.err;
  const std::string override_text = Read("compose.prod.yaml");
  EXPECT_EQ(override_text.rfind("# Hardening for compose.yaml", 0), 0u) << override_text;
  EXPECT_TRUE(MarkdownList(md, "### Files added").count("compose.prod.yaml")) << md;

  {  // The override merged over the original is the file fixed in place.
    MemoryFileSystem mfs;
    mfs.Add("/p/compose.yaml", kCompose);
    mfs.Add("/p/compose.prod.yaml", override_text);
    mfs.Add("/q/compose.yaml", fixed_in_place);
    compose::ProjectOptions merged_opts, fixed_opts;
    merged_opts.files = {"/p/compose.yaml", "/p/compose.prod.yaml"};
    fixed_opts.files = {"/q/compose.yaml"};
    auto merged = compose::LoadComposeProject(mfs, merged_opts);
    auto fixed = compose::LoadComposeProject(mfs, fixed_opts);
    ASSERT_TRUE(merged.ok() && fixed.ok());
    for (const compose::Service& want : (*fixed)->services) {
      SCOPED_TRACE(want.name);
      const compose::Service* got = (*merged)->FindService(want.name);
      ASSERT_NE(got, nullptr);
      EXPECT_EQ(Canonical(got->node), Canonical(want.node)) << override_text;
    }
  }

  // A second run would have to overwrite the override: refused, and nothing at all is written.
  const auto before = Snapshot(dir_, {});
  const RunResult again = Exec({"fix", "--unsafe", "--into-override", "compose.prod.yaml", "."});
  EXPECT_EQ(again.code, 2);
  EXPECT_NE(again.err.find("compose.prod.yaml already exists"), std::string::npos) << again.err;
  EXPECT_EQ(Snapshot(dir_, {}), before);
}

}  // namespace
}  // namespace shipshape
