// `shipshape init` end to end on the binary: writes the files, never overwrites, --diff writes
// nothing, a second run has nothing to do, and `check` finds nothing at warning or above in what
// it wrote.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "testing/cli_run.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class InitCmd : public ::testing::Test {
 protected:
  fs::path Copy(const std::string& fixture) {
    const fs::path to = tmp_.path() / "repo";
    fs::create_directories(to);
    fs::copy(fs::path(SHIPSHAPE_SOURCE_DIR) / "tests/fixtures/stacks" / fixture, to / "web",
             fs::copy_options::recursive);
    return to;
  }
  test::TempDir tmp_{"shipshape-init"};
};

TEST_F(InitCmd, WritesOnceAndTheResultChecksClean) {
  const fs::path repo = Copy("node-express-yarn");
  const test::SpawnResult diff = test::RunShipshape(repo, {"init", "--compose", "--diff", "."});
  ASSERT_EQ(diff.code, 0) << diff.err;
  EXPECT_NE(diff.out.find("+FROM node:24-slim"), std::string::npos) << diff.out;
  EXPECT_FALSE(fs::exists(repo / "web/Dockerfile"));  // --diff writes nothing
  EXPECT_FALSE(fs::exists(repo / "compose.yaml"));

  const test::SpawnResult run = test::RunShipshape(repo, {"init", "--compose", "."});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("detected web: Node.js (yarn, Express"), std::string::npos) << run.out;
  for (const char* f : {"web/Dockerfile", "web/.dockerignore", "compose.yaml", ".env.example"})
    EXPECT_TRUE(fs::exists(repo / f)) << f;
  EXPECT_NE(Read(repo / ".env.example").find("DATABASE_URL="), std::string::npos);
  const std::string dockerfile = Read(repo / "web/Dockerfile");

  const test::SpawnResult again = test::RunShipshape(repo, {"init", "--compose", "."});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out.find("wrote"), std::string::npos) << again.out;
  EXPECT_EQ(Read(repo / "web/Dockerfile"), dockerfile);

  const test::SpawnResult check = test::RunShipshape(repo, {"check", "--fail-level", "warning", "."});
  EXPECT_EQ(check.code, 0) << check.out << check.err;
}

TEST_F(InitCmd, NeverOverwritesAndRejectsBadArguments) {
  const fs::path repo = Copy("go-gin");
  {
    std::ofstream(repo / "web/.dockerignore") << "mine\n";
  }
  const test::SpawnResult run = test::RunShipshape(repo, {"init", "web"});
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_EQ(Read(repo / "web/.dockerignore"), "mine\n");
  EXPECT_TRUE(fs::exists(repo / "web/Dockerfile"));
  EXPECT_EQ(test::RunShipshape(repo, {"init", "--bogus"}).code, 2);
  EXPECT_EQ(test::RunShipshape(repo, {"init", "no-such-dir"}).code, 2);
}

}  // namespace
}  // namespace shipshape
