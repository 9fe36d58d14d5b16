// End to end: a default `shipshape check` (no --preview, no config) of a small stack like the seed
// audits' reports the context problems those audits check by hand (issue 12, section 2): an
// open-mode `.env` holding a password (DX022), an entrypoint script tracing with `set -x`
// (DX040) and a `.dockerignore` without `.git` (DX001). Once each problem is corrected, its
// finding goes away, so the test pins both directions.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "testing/cli_run.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

class DefaultCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp_.ok());
    dir_ = tmp_.path();
    Write("Dockerfile",
          "FROM python:3.12-slim\n"
          "WORKDIR /app\n"
          "COPY . /app\n"
          "RUN pip install --no-cache-dir -r requirements.txt\n"
          "USER nobody\n"
          "ENTRYPOINT [\"/app/docker-entrypoint.sh\"]\n"
          "CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:app\"]\n");
    Write("requirements.txt", "flask==3.0.3\ngunicorn==22.0.0\n");
    Write("docker-compose.yml",
          "services:\n"
          "  web:\n"
          "    build: .\n"
          "    env_file: .env\n"
          "  db:\n"
          "    image: postgres:16.4\n"
          "    environment:\n"
          "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n");
    Write(".env", "POSTGRES_PASSWORD=Xk29mQv7pLr4\n", 0644);
    Write("docker-entrypoint.sh",
          "#!/bin/sh\nset -ex\nflask db upgrade\nexec \"$@\"\n", 0755);
    Write(".dockerignore", "__pycache__\n.env\n");
  }
  void Write(const std::string& rel, const std::string& content, fs::perms mode = fs::perms(0644)) {
    const fs::path p = dir_ / rel;
    std::ofstream(p, std::ios::binary) << content;
    fs::permissions(p, mode);
  }
  void Write(const std::string& rel, const std::string& content, int mode) {
    Write(rel, content, static_cast<fs::perms>(mode));
  }

  /// Runs `shipshape check --format json .` in the stack; rule codes reported per file.
  std::map<std::string, std::set<std::string>> Check(int* code) {
    const test::SpawnResult r = test::RunShipshape(dir_, {"check", "--format", "json", "."});
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.err, "");
    *code = r.code;
    std::map<std::string, std::set<std::string>> out;
    const nlohmann::json doc = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(doc.is_discarded()) << r.out;
    if (doc.is_discarded()) return out;
    for (const auto& d : doc["diagnostics"])
      out[fs::path(d["path"].get<std::string>()).filename().string()].insert(d["rule"].get<std::string>());
    return out;
  }

  test::TempDir tmp_{"shipshape-default"};
  fs::path dir_;
};

TEST_F(DefaultCheck, SeedStackContextProblemsAreReportedWithoutPreview) {
  int code = -1;
  auto found = Check(&code);
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(found[".env"].count("DX022")) << "open-mode .env with a password";
  EXPECT_TRUE(found["docker-entrypoint.sh"].count("DX040")) << "entrypoint with set -x";
  EXPECT_TRUE(found[".dockerignore"].count("DX001")) << ".dockerignore without .git";

  // Corrected one by one, each finding disappears.
  fs::permissions(dir_ / ".env", fs::perms(0600));
  Write("docker-entrypoint.sh", "#!/bin/sh\nset -e\nflask db upgrade\nexec \"$@\"\n", 0755);
  Write(".dockerignore", "**/__pycache__\n.env\n.git\n");
  found = Check(&code);
  EXPECT_FALSE(found[".env"].count("DX022"));
  EXPECT_FALSE(found["docker-entrypoint.sh"].count("DX040"));
  EXPECT_FALSE(found[".dockerignore"].count("DX001"));
}

TEST_F(DefaultCheck, EnvWithoutCredentialsIsSharedConfiguration) {
  // A committed .env with only project settings (as many compose projects ship) is not private.
  Write(".env", "COMPOSE_PROJECT_NAME=shop\nTAG=2.1.0\n", 0644);
  int code = -1;
  auto found = Check(&code);
  EXPECT_FALSE(found[".env"].count("DX022"));
  EXPECT_FALSE(found[".env"].count("DX021"));
}

}  // namespace
}  // namespace shipshape
