// Discovery with exclusions (--exclude and the config file's `exclude:`) and the classification
// of names that only look like Dockerfiles. Runs Discover() on a temporary tree.
#include <stdlib.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli/discover.h"
#include "core/source.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

class Exclude : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shipshape-exclude-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    char real[4096];
    ASSERT_NE(::realpath(tmpl, real), nullptr);
    dir_ = real;
    for (const char* f : {"Dockerfile", "examples/webshop/Dockerfile", "examples/webshop/compose.yaml",
                          "svc/examples/Dockerfile", "svc/testdata/Dockerfile", "svc/Dockerfile",
                          "docs/examples.Dockerfile"}) {
      fs::create_directories((dir_ / f).parent_path());
      std::ofstream(dir_ / f) << (std::string(f).find("compose") != std::string::npos
                                      ? "services:\n  a:\n    image: x:1\n"
                                      : "FROM alpine:3.20\n");
    }
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  /// Paths found scanning `root` (relative to the temp dir when `root` is ".").
  std::vector<std::string> Found(const DiscoverOptions& opts, const std::string& root = ".") {
    const fs::path cwd = fs::current_path();
    fs::current_path(dir_);
    Discovered d = Discover({root}, opts);
    fs::current_path(cwd);
    EXPECT_TRUE(d.errors.empty());
    std::vector<std::string> paths;
    for (const auto& f : d.files) paths.push_back(f->path);
    return paths;
  }

  fs::path dir_;
};

using Paths = std::vector<std::string>;

TEST_F(Exclude, ConfigGlobsAreGitignoreStyle) {
  DiscoverOptions o;
  o.config_dir = dir_.string();
  // As in .gitignore: a trailing '/' means directories only, and a pattern with no other '/'
  // matches at any depth...
  o.config_exclude = {"examples/"};
  EXPECT_EQ(Found(o), (Paths{"Dockerfile", "docs/examples.Dockerfile", "svc/Dockerfile",
                             "svc/testdata/Dockerfile"}));
  // ...while a leading (or inner) '/' anchors it at the config directory.
  o.config_exclude = {"/examples/"};
  EXPECT_EQ(Found(o), (Paths{"Dockerfile", "docs/examples.Dockerfile", "svc/Dockerfile",
                             "svc/examples/Dockerfile", "svc/testdata/Dockerfile"}));
  // Without a '/': a name at any depth.
  o.config_exclude = {"examples", "testdata/"};
  EXPECT_EQ(Found(o), (Paths{"Dockerfile", "docs/examples.Dockerfile", "svc/Dockerfile"}));
  // A leading '/' anchors; globs work on the relative path.
  o.config_exclude = {"/svc/*", "docs/*.Dockerfile"};
  EXPECT_EQ(Found(o), (Paths{"Dockerfile", "examples/webshop/Dockerfile",
                             "examples/webshop/compose.yaml"}));
}

TEST_F(Exclude, ConfigGlobsStayAnchoredWhenScanningASubdirectory) {
  DiscoverOptions o;
  o.config_dir = dir_.string();
  o.config_exclude = {"svc/testdata/"};
  EXPECT_EQ(Found(o, "svc"), (Paths{"svc/Dockerfile", "svc/examples/Dockerfile"}));
  // Same tree, scanned by absolute path.
  const std::string abs = (dir_ / "svc").string();
  EXPECT_EQ(Found(o, abs), (Paths{abs + "/Dockerfile", abs + "/examples/Dockerfile"}));
  // A config elsewhere anchors nothing here, but base-name patterns still apply.
  o.config_dir = "/nonexistent";
  o.config_exclude = {"svc/testdata/", "examples/"};
  EXPECT_EQ(Found(o, "svc"), (Paths{"svc/Dockerfile", "svc/testdata/Dockerfile"}));
}

TEST_F(Exclude, CommandLineGlobs) {
  DiscoverOptions o;
  o.exclude = {"examples/"};  // trailing slash: the directory, wherever it is
  EXPECT_EQ(Found(o), (Paths{"Dockerfile", "docs/examples.Dockerfile", "svc/Dockerfile",
                             "svc/testdata/Dockerfile"}));
  o.exclude = {"svc/*"};  // relative to the scanned directory
  EXPECT_EQ(Found(o, "./"), (Paths{"Dockerfile", "docs/examples.Dockerfile",
                                   "examples/webshop/Dockerfile", "examples/webshop/compose.yaml"}));
}

TEST(Classify, SourceCodeNamedAfterDockerfilesIsNotADockerfile) {
  for (const char* name : {"fuzz/dockerfile_fuzzer.cc", "src/dockerfile/dockerfile.h",
                           "dockerfile-lint.py", "pkg/dockerfile_parser.go", "Dockerfile.md"})
    EXPECT_EQ(ClassifyPath(name), FileKind::kOther) << name;
  for (const char* name : {"Dockerfile", "Dockerfile.prod", "dockerfile-dev", "Dockerfile_alpine",
                           "api.Dockerfile", "Containerfile"})
    EXPECT_EQ(ClassifyPath(name), FileKind::kDockerfile) << name;
}

}  // namespace
}  // namespace shipshape
