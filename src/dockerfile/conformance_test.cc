// BuildKit's own parser fixtures (../shared/conformance/buildkit-parser), run as one table:
// every positive case must dump exactly like its `result` file, every negative case must fail,
// and the line-number case must give BuildKit's start/end lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/line_index.h"
#include "dockerfile/dockerfile.h"

namespace shipshape::dockerfile {
namespace {

namespace fs = std::filesystem;
const fs::path kFixtures = fs::path(SHIPSHAPE_SHARED_DIR) / "conformance" / "buildkit-parser";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(BuildkitConformance, PositiveFixturesDumpExactly) {
  ASSERT_TRUE(fs::exists(kFixtures)) << "no fixtures at " << kFixtures;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures / "testfiles")) {
    const std::string src = ReadFile(entry.path() / "Dockerfile");
    const std::string want = ReadFile(entry.path() / "result");
    auto df = Parse(src);
    ASSERT_TRUE(df->ok()) << entry.path().filename() << ": " << df->errors[0].message;
    EXPECT_EQ(DumpBuildkit(*df), want) << entry.path().filename();
    ++checked;
  }
  EXPECT_GE(checked, 30);
}

TEST(BuildkitConformance, NegativeFixturesFail) {
  ASSERT_TRUE(fs::exists(kFixtures)) << "missing shared test data";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kFixtures / "testfiles-negative")) {
    auto df = Parse(ReadFile(entry.path() / "Dockerfile"));
    EXPECT_FALSE(df->ok()) << entry.path().filename();
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}

TEST(BuildkitConformance, LineNumbers) {
  ASSERT_TRUE(fs::exists(kFixtures)) << "missing shared test data";
  const std::string src = ReadFile(kFixtures / "testfile-line" / "Dockerfile");
  auto df = Parse(src);
  ASSERT_TRUE(df->ok());
  LineIndex lines(src);
  ASSERT_EQ(df->instructions.size(), 3u);
  auto line_of = [&](uint32_t off) { return lines.Locate(off).line; };
  EXPECT_EQ(line_of(df->instructions[0].range.start), 5u);
  EXPECT_EQ(line_of(df->instructions[0].range.end), 5u);
  EXPECT_EQ(line_of(df->instructions[1].range.start), 11u);
  EXPECT_EQ(line_of(df->instructions[1].range.end), 12u);
  EXPECT_EQ(line_of(df->instructions[2].range.start), 17u);
  EXPECT_EQ(line_of(df->instructions[2].range.end), 31u);
}

}  // namespace
}  // namespace shipshape::dockerfile
