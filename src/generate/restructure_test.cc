// Golden before/after tests of the restructuring fixes, one directory per stack under
// tests/golden/restructure/<rule>-<stack>/: `Dockerfile` (before, with the manifests beside it
// as the build context) and `after.Dockerfile` (refresh with SHIPSHAPE_UPDATE_SNAPSHOTS=1). Each
// output re-parses, the rule no longer fires on it, and a second run changes nothing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dockerfile/dockerfile.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(RestructureGolden, EveryStackBeforeAfter) {
  const fs::path root = fs::path(SHIPSHAPE_SOURCE_DIR) / "tests/golden/restructure";
  const char* update = std::getenv("SHIPSHAPE_UPDATE_SNAPSHOTS");
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const std::string code = name.substr(0, 5) == "df118" ? "DF118" : "DF115";
    const Rule* rule = nullptr;
    for (const Rule* r : AllRules())
      if (r->code == code) rule = r;
    ASSERT_NE(rule, nullptr);
    MemoryFileSystem mfs;
    for (const auto& f : fs::recursive_directory_iterator(entry.path()))
      if (f.is_regular_file() && f.path().filename() != "after.Dockerfile")
        mfs.Add(fs::relative(f.path(), entry.path()).string(), Read(f.path()));
    SourceFile file;
    file.path = "Dockerfile";
    file.kind = FileKind::kDockerfile;
    file.text = Read(entry.path() / "Dockerfile");
    Workspace ws{".", &mfs, {&file}};
    Config config;
    LintOptions opts{&config, &ws, rule};
    FixOutcome out = FixToFixpoint(file, opts, Applicability::kUnsafe);
    ASSERT_NE(out.text, file.text) << "no fix: " << (out.remaining.empty() ? "" : out.remaining[0].message);
    const fs::path golden = entry.path() / "after.Dockerfile";
    if (update && *update == '1') std::ofstream(golden, std::ios::binary) << out.text;
    EXPECT_EQ(Read(golden), out.text) << "SHIPSHAPE_UPDATE_SNAPSHOTS=1 refreshes";
    EXPECT_TRUE(dockerfile::Parse(out.text)->ok()) << out.text;
    SourceFile after = file;
    after.text = out.text;
    size_t again = 0;
    for (const Diagnostic& d : LintFile(after, opts)) again += d.rule == rule;
    EXPECT_EQ(again, 0u) << out.text;
    EXPECT_EQ(FixToFixpoint(after, opts, Applicability::kUnsafe).text, out.text);
    ++cases;
  }
  EXPECT_GE(cases, 15);
}

}  // namespace
}  // namespace shipshape
