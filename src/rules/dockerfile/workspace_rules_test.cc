// Dockerfile rules that look at files beside the Dockerfile, with an in-memory workspace.
#include <gtest/gtest.h>

#include "core/workspace.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

size_t Count(const std::string& path, const std::string& text, const MemoryFileSystem& fs,
             std::string_view code) {
  SourceFile f;
  f.path = path;
  f.kind = FileKind::kDockerfile;
  f.text = text;
  Config config;
  Workspace ws;
  ws.root = ".";
  ws.fs = &fs;
  LintOptions opts;
  opts.config = &config;
  opts.workspace = &ws;
  opts.only = FindRule(code);
  size_t n = 0;
  for (const Diagnostic& d : LintFile(f, opts)) n += d.rule->code == code;
  return n;
}

TEST(MissingDockerignore, LooksBesideTheDockerfile) {
  const std::string df = "FROM alpine:3.20\nCOPY . /app\n";
  MemoryFileSystem none;
  none.Add("svc/Dockerfile", df);
  EXPECT_EQ(Count("svc/Dockerfile", df, none, "DF114"), 1u);

  MemoryFileSystem plain;
  plain.Add("svc/Dockerfile", df);
  plain.Add("svc/.dockerignore", ".git\n");
  EXPECT_EQ(Count("svc/Dockerfile", df, plain, "DF114"), 0u);

  // BuildKit's per-Dockerfile ignore file.
  MemoryFileSystem specific;
  specific.Add("svc/Dockerfile.prod", df);
  specific.Add("svc/Dockerfile.prod.dockerignore", ".git\n");
  EXPECT_EQ(Count("svc/Dockerfile.prod", df, specific, "DF114"), 0u);

  // An ignore file elsewhere does not count.
  MemoryFileSystem elsewhere;
  elsewhere.Add("svc/Dockerfile", df);
  elsewhere.Add("other/.dockerignore", ".git\n");
  EXPECT_EQ(Count("svc/Dockerfile", df, elsewhere, "DF114"), 1u);
}

}  // namespace
}  // namespace shipshape
