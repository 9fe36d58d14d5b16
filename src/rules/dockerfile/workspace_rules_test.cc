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

TEST(MissingDockerignore, FixWritesAGeneratedDockerignore) {
  const std::string df = "FROM node:22\nCOPY package.json ./\nCOPY . /app\n";
  MemoryFileSystem fs;
  fs.Add("svc/Dockerfile", df);
  fs.Add("svc/package.json", "{}");
  SourceFile f;
  f.path = "svc/Dockerfile";
  f.kind = FileKind::kDockerfile;
  f.text = df;
  Config config;
  Workspace ws;
  ws.root = ".";
  ws.fs = &fs;
  LintOptions opts;
  opts.config = &config;
  opts.workspace = &ws;
  opts.only = FindRule("DF114");
  std::vector<Diagnostic> diags = LintFile(f, opts);
  ASSERT_EQ(diags.size(), 1u);
  ASSERT_TRUE(diags[0].fix.has_value());
  EXPECT_EQ(diags[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_TRUE(diags[0].fix->edits.empty());
  ASSERT_EQ(diags[0].fix->file_writes.size(), 1u);
  const Fix::FileWrite& w = diags[0].fix->file_writes[0];
  EXPECT_EQ(w.path, ".dockerignore");
  EXPECT_FALSE(w.append);
  EXPECT_NE(w.content.find(".git"), std::string::npos) << w.content;
  EXPECT_NE(w.content.find("node_modules"), std::string::npos) << w.content;
  // The file the Dockerfile copies by name stays in the context.
  EXPECT_EQ(w.content.find("\npackage.json"), std::string::npos) << w.content;
}

}  // namespace
}  // namespace shipshape
