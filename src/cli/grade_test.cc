// The audit grade discriminates: a hardened stack scores A, the bundled example as shipped scores
// D or F, and the same example after `fix --unsafe` scores visibly better.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "testing/cli_run.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

struct Grade {
  int score = -1;
  char letter = '?';
};

/// The overall row of the Markdown report's score table.
Grade OverallGrade(const fs::path& dir) {
  const test::SpawnResult r = test::RunShipshape(dir, {"check", ".", "--format", "markdown"});
  EXPECT_EQ(r.error, "");
  EXPECT_TRUE(r.code == 0 || r.code == 1) << r.code << r.err;
  std::smatch m;
  static const std::regex kRow(R"(\| \*\*overall\*\* \|[^\n]*\| \*\*(\d+)\*\* \| \*\*([A-F])\*\* \|)");
  Grade g;
  if (std::regex_search(r.out, m, kRow)) {
    g.score = std::stoi(m[1]);
    g.letter = m[2].str()[0];
  }
  EXPECT_GE(g.score, 0) << "no overall score in:\n" << r.out;
  return g;
}

class GradeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(tmp_.ok()); }
  fs::path Copy(const fs::path& from) {
    const fs::path to = tmp_.path() / from.filename();
    fs::copy(from, to, fs::copy_options::recursive);
    return to;
  }
  test::TempDir tmp_{"shipshape-grade"};
};

TEST_F(GradeTest, HardenedStackScoresA) {
  const fs::path stack = Copy(fs::path(SHIPSHAPE_SOURCE_DIR) / "tests/fixtures/grade/hardened");
  const Grade g = OverallGrade(stack);
  EXPECT_EQ(g.letter, 'A') << g.score;
}

TEST_F(GradeTest, ExampleScoresLowAndBetterAfterFixing) {
  const fs::path stack = Copy(fs::path(SHIPSHAPE_SOURCE_DIR) / "examples/webshop");
  const Grade before = OverallGrade(stack);
  EXPECT_TRUE(before.letter == 'D' || before.letter == 'F') << before.score;
  const test::SpawnResult fix = test::RunShipshape(stack, {"fix", "--unsafe", "."});
  ASSERT_TRUE(fix.code == 0 || fix.code == 1) << fix.err;
  const Grade after = OverallGrade(stack);
  // Visibly better: at least 20 points and a better letter.
  EXPECT_GE(after.score, before.score + 20) << before.score << " -> " << after.score;
  EXPECT_LT(after.letter, before.letter) << before.letter << " -> " << after.letter;
}

}  // namespace
}  // namespace shipshape
