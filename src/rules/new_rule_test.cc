// scripts/new_rule scaffolds a rule: its dry run prints the rule file, the case file, rules.def
// with the new line, the docs page and the docs index, and writes nothing. The page must be what
// `shipshape rules --write-docs` generates for the scaffolded metadata, so a fresh rule passes
// RuleDocs, and rules.def must differ from the committed one by exactly the new line.
#include <unistd.h>

#include <cstdio>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "rules/docs.h"
#include "testing/spawn.h"

namespace shipshape {
namespace {

std::map<std::string, std::string> DryRun(const std::vector<std::string>& args, int* code) {
  const std::string dir = ::testing::TempDir();
  test::SpawnOptions o;
  o.argv = {"/usr/bin/env", "python3", std::string(SHIPSHAPE_SOURCE_DIR) + "/scripts/new_rule",
            "--dry-run"};
  o.argv.insert(o.argv.end(), args.begin(), args.end());
  // One output file per call and process: ctest runs the tests of this file in parallel.
  static int calls = 0;
  const std::string stem = dir + "/new_rule." + std::to_string(::getpid()) + "." + std::to_string(++calls);
  o.stdout_path = stem + ".out";
  o.stderr_path = stem + ".err";
  const test::SpawnResult r = test::Spawn(o);
  *code = r.code;
  std::remove(o.stdout_path.c_str());
  std::remove(o.stderr_path.c_str());
  std::map<std::string, std::string> files;
  std::string* current = nullptr;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t nl = r.out.find('\n', pos);
    nl = nl == std::string::npos ? r.out.size() : nl + 1;
    const std::string line = r.out.substr(pos, nl - pos);
    if (line.starts_with("=== ")) {
      current = &files[line.substr(4, line.size() - 5)];
    } else if (current) {
      *current += line;
    }
    pos = nl;
  }
  return files;
}

std::string Committed(const std::string& rel) {
  return test::SlurpFile(std::string(SHIPSHAPE_SOURCE_DIR) + "/" + rel);
}

/// `with` minus its one line `line` (which must be there).
std::string Without(std::string with, const std::string& line) {
  const size_t at = with.find(line);
  if (at != std::string::npos) with.erase(at, line.size());
  return with;
}

TEST(NewRule, DryRunScaffoldsEveryPieceAndWritesNothing) {
  int code = -1;
  auto files = DryRun({"DF997", "some-new-check", "dockerfile"}, &code);
  ASSERT_EQ(code, 0);
  const std::string rule_path = "src/rules/dockerfile/DF997_some_new_check.cc";
  ASSERT_EQ(files.size(), 5u);
  const std::string& rule = files[rule_path];
  for (const char* want : {".code = \"DF997\"", ".name = \"some-new-check\"",
                           "extern constinit const Rule kSomeNewCheck{", ".check_dockerfile = Check",
                           "Status::kPreview", "Target::kDockerfile"})
    EXPECT_NE(rule.find(want), std::string::npos) << want << "\n" << rule;
  EXPECT_NE(files["src/rules/dockerfile/DF997_some_new_check_test.cc"].find(
                "RuleCases kCases(\"DF997\""),
            std::string::npos);
  EXPECT_EQ(Without(files["src/rules/rules.def"], "RULE(DF997, SomeNewCheck)\n"),
            Committed("src/rules/rules.def"));
  EXPECT_NE(files["src/rules/rules.def"], Committed("src/rules/rules.def"));
  const std::string row = "| [DF997](DF997.md) | some-new-check | warning | maintainability | none | none |\n";
  EXPECT_EQ(Without(files["docs/rules/README.md"], row), Committed("docs/rules/README.md"));

  // The page is what the registry would generate for this metadata and these docs.
  const size_t open = rule.find("R\"md(");
  const size_t close = rule.find(")md\"");
  ASSERT_TRUE(open != std::string::npos && close != std::string::npos);
  const std::string docs = rule.substr(open + 5, close - open - 5);
  const Rule scaffold{.code = "DF997", .name = "some-new-check", .summary = "TODO: one line",
                      .target = Target::kDockerfile, .severity = Severity::kWarning,
                      .category = Category::kMaintainability, .fix = FixAvailability::kNone,
                      .status = Status::kPreview, .docs = docs};
  EXPECT_EQ(files["docs/rules/DF997.md"], RuleDocPage(scaffold));
  EXPECT_FALSE(std::filesystem::exists(std::string(SHIPSHAPE_SOURCE_DIR) + "/" + rule_path));
}

TEST(NewRule, RefusesBadArguments) {
  int code = 0;
  EXPECT_TRUE(DryRun({"DC997", "x", "dockerfile"}, &code).empty());  // DC code, Dockerfile rule
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(DryRun({"DF997", "Not_Kebab", "dockerfile"}, &code).empty());
  EXPECT_EQ(code, 2);
  EXPECT_TRUE(DryRun({"DF001", "taken", "dockerfile"}, &code).empty());  // exists
  EXPECT_EQ(code, 1);
}

}  // namespace
}  // namespace shipshape
