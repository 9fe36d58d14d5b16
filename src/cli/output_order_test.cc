// stdout and stderr sent to one file (a terminal, a CI log, `2>&1`): every message on stderr starts
// on a line of its own, after the stdout text printed before it, never inside a diff line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "testing/cli_run.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

TEST(OutputOrder, FixDiffSummaryFollowsTheWholeDiff) {
  test::TempDir tmp("shipshape-order");
  ASSERT_TRUE(tmp.ok());
  const fs::path& dir = tmp.path();
  // Enough files that the diff is several times stdio's 4 KiB buffer: without a flush before each
  // stderr message, the summary lands wherever the buffer happened to be cut.
  for (int i = 0; i < 120; ++i) {
    fs::create_directories(dir / ("svc" + std::to_string(i)));
    std::ofstream(dir / ("svc" + std::to_string(i)) / "Dockerfile")
        << "FROM alpine:3.20\nRUN apk add curl=8.9.1-r1\nCMD [\"sh\"]\n";
  }
  const test::SpawnResult r = test::RunShipshape(dir, {"fix", "--diff", "."}, /*merge_streams=*/true);
  ASSERT_EQ(r.error, "");
  ASSERT_GT(r.out.size(), 3u * 4096) << "the diff is too small to test the ordering";
  std::istringstream in(r.out);
  std::string line, last;
  size_t lines = 0, summaries = 0;
  while (std::getline(in, line)) {
    ++lines;
    const size_t at = line.find("shipshape: ");
    if (at != std::string::npos) {
      EXPECT_EQ(at, 0u) << "stderr text inside a stdout line: " << line;
      ++summaries;
    } else {
      // Every other line belongs to a unified diff.
      ASSERT_FALSE(line.empty());
      EXPECT_NE(std::string("-+@ ").find(line[0]), std::string::npos) << line;
    }
    last = line;
  }
  EXPECT_EQ(summaries, 1u);
  EXPECT_EQ(last.rfind("shipshape: ", 0), 0u) << "the summary is not the last line: " << last;
  EXPECT_GT(lines, 100u);
}

}  // namespace
}  // namespace shipshape
