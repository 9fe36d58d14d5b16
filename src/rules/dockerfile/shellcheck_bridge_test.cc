#include "rules/dockerfile/shellcheck_bridge.h"

#include <gtest/gtest.h>

#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape::rules::run {
namespace {

TEST(ShellcheckBridge, ParsesJson1) {
  auto f = ParseShellcheckJson(
      R"({"comments":[{"file":"-","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"Double quote"}]})");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->size(), 1u);
  EXPECT_EQ((*f)[0].code, 2086);
  EXPECT_EQ((*f)[0].line, 2);
  EXPECT_EQ((*f)[0].column, 6);
  EXPECT_EQ((*f)[0].level, "info");
  EXPECT_FALSE(ParseShellcheckJson("not json"));
  EXPECT_FALSE(ParseShellcheckJson("[1,2]"));
}

TEST(ShellcheckBridge, LineColumnCountsCharacters) {
  EXPECT_EQ(OffsetOfLineColumn("abc\ndef", 2, 2), 5u);
  EXPECT_EQ(OffsetOfLineColumn("\té $1", 1, 4), 4u);  // tab = 1 column, é is 2 bytes
  EXPECT_EQ(OffsetOfLineColumn("ab", 1, 99), 2u);
  EXPECT_EQ(OffsetOfLineColumn("ab", 9, 1), 2u);
}

TEST(ShellcheckBridge, RunProcessPipesAndTimeout) {
  std::string cat = FindOnPath("cat");
  if (cat.empty()) GTEST_SKIP() << "no cat";
  ProcessResult r = RunProcess({cat}, "hello", 5000);
  EXPECT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "hello");
  // Large input while the child writes back: no deadlock.
  std::string big(1 << 20, 'x');
  r = RunProcess({cat}, big, 10000);
  EXPECT_EQ(r.out.size(), big.size());
  std::string sleep = FindOnPath("sleep");
  if (!sleep.empty()) {
    r = RunProcess({sleep, "5"}, "", 200);
    EXPECT_TRUE(r.timed_out);
  }
  r = RunProcess({"/nonexistent/binary"}, "", 1000);
  EXPECT_FALSE(r.started && r.exit_code == 0);
}

TEST(ShellcheckBridge, MapsFindingToContinuationLine) {
  if (FindOnPath("shellcheck").empty()) GTEST_SKIP() << "shellcheck not installed";
  const Rule* rule = FindRule("DF099");
  ASSERT_NE(rule, nullptr);
  Config config;
  config.preview = true;
  config.shellcheck = true;
  LintOptions opts;
  opts.config = &config;
  opts.only = rule;
  SourceFile file;
  file.path = "Dockerfile";
  file.kind = FileKind::kDockerfile;
  file.text = "FROM debian:12\nRUN true && \\\n    echo $1\n";
  std::vector<Diagnostic> diags = LintFile(file, opts);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].message.substr(0, 7), "SC2086:");
  const uint32_t want = static_cast<uint32_t>(file.text.find("$1"));
  EXPECT_EQ(diags[0].range.start, want);
  EXPECT_EQ(diags[0].range.end, want + 2);
  // Line 3, column 10 of the file.
  EXPECT_EQ(file.text.rfind('\n', want - 1) + 1 + 9, want);
}

TEST(ShellcheckBridge, HeredocBodyAndDeclaredArgs) {
  if (FindOnPath("shellcheck").empty()) GTEST_SKIP() << "shellcheck not installed";
  const Rule* rule = FindRule("DF099");
  Config config;
  config.preview = true;
  config.shellcheck = true;
  LintOptions opts;
  opts.config = &config;
  opts.only = rule;
  SourceFile file;
  file.path = "Dockerfile";
  file.kind = FileKind::kDockerfile;
  file.text = "FROM debian:12\nARG version\nRUN <<EOF\necho \"$version\"\necho $2\nEOF\n";
  std::vector<Diagnostic> diags = LintFile(file, opts);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].range.start, file.text.find("$2"));
}

}  // namespace
}  // namespace shipshape::rules::run
