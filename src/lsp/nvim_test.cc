// The real-client test: Neovim's built-in LSP client (headless) attaches `shipshape lsp` to a
// Dockerfile and a Compose file, waits for diagnostics, applies quick fixes and checks the buffer
// text (src/lsp/nvim_client.lua does the driving). Skipped when nvim is not installed, unless
// SHIPSHAPE_REQUIRE_NVIM=1 (CI), which turns a missing nvim into a failure.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "rules/dockerfile/shellcheck_bridge.h"
#include "testing/cli_run.h"

namespace shipshape {
namespace {

TEST(NeovimClient, DiagnosticsAndQuickFixesInARealEditor) {
  const std::string nvim = rules::run::FindOnPath("nvim");
  if (nvim.empty()) {
    const char* req = std::getenv("SHIPSHAPE_REQUIRE_NVIM");
    if (req && std::string(req) == "1")
      FAIL() << "SHIPSHAPE_REQUIRE_NVIM=1 but nvim is not on PATH (Debian package neovim)";
    GTEST_SKIP() << "nvim not found on PATH: the Neovim LSP client test needs the Debian package "
                    "neovim (scripts/bootstrap installs it); set SHIPSHAPE_REQUIRE_NVIM=1 to fail";
  }
  test::TempDir work("shipshape-nvim");
  test::TempDir home("shipshape-nvim-home");
  ASSERT_TRUE(work.ok() && home.ok());
  const std::string dockerfile =
      "FROM ubuntu:22.04\nRUN apt-get update && apt-get install curl\nCMD [\"node\", \"server.js\"]\n";
  const std::string compose = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";
  std::ofstream(work.path() / "Dockerfile") << dockerfile;
  std::ofstream(work.path() / "compose.yaml") << compose;

  test::SpawnOptions so;
  so.argv = {nvim, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c",
             "luafile " SHIPSHAPE_SOURCE_DIR "/src/lsp/nvim_client.lua"};
  const std::string h = home.path().string();
  so.env = std::vector<std::string>{"PATH=/usr/bin:/bin", "HOME=" + h, "XDG_CONFIG_HOME=" + h,
                                    "XDG_DATA_HOME=" + h, "XDG_STATE_HOME=" + h,
                                    "XDG_CACHE_HOME=" + h,
                                    std::string("SHIPSHAPE_BIN=") + SHIPSHAPE_BINARY,
                                    "SHIPSHAPE_WORKDIR=" + work.path().string()};
  so.cwd = h;
  so.stdout_path = h + "/nvim.out";
  so.stderr_path = h + "/nvim.err";
  so.timeout_s = 120;
  so.new_process_group = true;
  test::SpawnResult r = test::Spawn(so);
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find("applied: Add -y"), std::string::npos) << r.out;
  // Quick fixes change the editor's buffers only: the files on disk are untouched.
  std::ifstream in(work.path() / "Dockerfile");
  std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(on_disk, dockerfile);
}

}  // namespace
}  // namespace shipshape
