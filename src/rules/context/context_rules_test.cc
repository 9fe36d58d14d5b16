// Behaviour of the context rules beyond their inline cases: side-file writes (.gitignore,
// .env.example), behaviour without a workspace, secret masking, and all rules fixing one file
// together to a clean fixpoint.
#include <gtest/gtest.h>

#include <memory>

#include "fix/fixer.h"
#include "emit/dockerignore.h"
#include "emit/env_example.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

struct Tree {
  MemoryFileSystem fs;
  std::vector<std::unique_ptr<SourceFile>> files;
  Workspace ws;
  Tree() {
    ws.root = ".";
    ws.fs = &fs;
  }
  SourceFile& Add(const std::string& path, const std::string& text, uint32_t mode = 0644) {
    fs.Add(path, text, mode);
    auto f = std::make_unique<SourceFile>();
    f->path = path;
    f->text = text;
    f->kind = ClassifyPath(path);
    f->mode = mode;
    if (f->kind != FileKind::kOther) ws.files.push_back(f.get());
    files.push_back(std::move(f));
    return *files.back();
  }
};

Config DxConfig() {
  Config c;
  c.preview = true;
  c.selected = {"DX"};
  return c;
}

std::vector<std::string> Codes(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags) out.emplace_back(d.rule->code);
  return out;
}

TEST(ContextRules, GitignoreFixMergesEnvEntries) {
  Tree t;
  t.Add(".env.sample", "A=\n");
  SourceFile& env = t.Add(".env", "DB_PASSWORD=x\n");
  const Config config = DxConfig();
  LintOptions opts{&config, &t.ws, FindRule("DX021")};
  FixOutcome out = FixToFixpoint(env, opts, Applicability::kSafe);
  ASSERT_EQ(out.file_writes.size(), 1u);
  EXPECT_EQ(out.file_writes[0].path, ".gitignore");
  EXPECT_TRUE(out.file_writes[0].append);
  EXPECT_EQ(out.file_writes[0].content, ".env\n.env.*\n!.env.sample\n");
  EXPECT_EQ(out.text, env.text);

  // A file the usual patterns do not cover is named explicitly.
  Tree t2;
  SourceFile& secrets = t2.Add("deploy/secrets.env", "DB_PASSWORD=Xk29mQv7pL\n");
  LintOptions opts2{&config, &t2.ws, FindRule("DX021")};
  FixOutcome out2 = FixToFixpoint(secrets, opts2, Applicability::kSafe);
  ASSERT_EQ(out2.file_writes.size(), 1u);
  EXPECT_EQ(out2.file_writes[0].content, ".env\n.env.*\n!.env.example\nsecrets.env\n");

  // Re-included by `!`: the anchored spelling is appended after it.
  Tree t3;
  t3.Add(".gitignore", ".env\n!.env\n");
  SourceFile& env3 = t3.Add(".env", "DB_PASSWORD=x\n");
  LintOptions opts3{&config, &t3.ws, FindRule("DX021")};
  FixOutcome out3 = FixToFixpoint(env3, opts3, Applicability::kSafe);
  ASSERT_EQ(out3.file_writes.size(), 1u);
  EXPECT_EQ(out3.file_writes[0].content, ".env\n.env.*\n!.env.example\n/.env\n");
  t3.fs.Add(".gitignore", ".env\n!.env\n.env.*\n!.env.example\n/.env\n");
  EXPECT_TRUE(LintFile(env3, opts3).empty());

  // Once merged, the rule is satisfied.
  t.Add(".gitignore", out.file_writes[0].content);
  EXPECT_TRUE(LintFile(env, opts).empty());
}

TEST(ContextRules, GitignoreAboveTheScanRootCounts) {
  // The scan starts in a subdirectory of a repository whose top .gitignore ignores .env.
  Tree t;
  t.ws.root = "repo/svc";
  t.Add("repo/.git/HEAD", "ref: refs/heads/main\n");
  t.Add("repo/.gitignore", "**/.env\n");
  SourceFile& env = t.Add("repo/svc/.env", "DB_PASSWORD=x\n");
  const Config config = DxConfig();
  LintOptions opts{&config, &t.ws, FindRule("DX021")};
  EXPECT_TRUE(LintFile(env, opts).empty());
  // A .gitignore above the repository top does not.
  Tree u;
  u.ws.root = "repo/svc";
  u.Add("repo/.git/HEAD", "ref: refs/heads/main\n");
  u.Add(".gitignore", ".env\n");
  SourceFile& env2 = u.Add("repo/svc/.env", "DB_PASSWORD=x\n");
  LintOptions opts2{&config, &u.ws, FindRule("DX021")};
  EXPECT_EQ(Codes(LintFile(env2, opts2)), std::vector<std::string>{"DX021"});
}

TEST(ContextRules, EnvOnlyDirectoryGetsGeneratedExample) {
  Tree t;
  SourceFile& compose = t.Add("app/compose.yaml",
                              "services:\n  web:\n    image: app:${TAG}\n    ports:\n"
                              "      - \"${PORT:-8080}:80\"\n");
  SourceFile& env = t.Add("app/.env", "PORT=9000\n");
  const Config config = DxConfig();
  LintOptions opts{&config, &t.ws, FindRule("DX025")};
  const std::vector<Diagnostic> diags = LintFile(env, opts);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("`TAG` is used by compose.yaml"), std::string::npos);
  EXPECT_EQ(diags[0].related, std::vector<std::string>{"app/compose.yaml"});
  FixOutcome out = FixToFixpoint(env, opts, Applicability::kSafe);
  ASSERT_EQ(out.file_writes.size(), 1u);
  EXPECT_EQ(out.file_writes[0].path, ".env.example");
  const SourceFile* composes[] = {&compose};
  EXPECT_EQ(out.file_writes[0].content, generate::GenerateEnvExample(composes));
  // With the example in place it speaks for the directory, and it is complete.
  SourceFile& example = t.Add("app/.env.example", out.file_writes[0].content);
  EXPECT_TRUE(LintFile(env, opts).empty());
  EXPECT_TRUE(LintFile(example, opts).empty());
}

TEST(ContextRules, WithoutWorkspace) {
  const Config config = DxConfig();
  LintOptions opts{&config, nullptr, nullptr};
  SourceFile di;
  di.path = ".dockerignore";
  di.kind = FileKind::kDockerignore;
  di.text = "node_modules\n";
  // VCS, env files and keys are checked; stack-dependent groups need the tree.
  EXPECT_EQ(Codes(LintFile(di, opts)), (std::vector<std::string>{"DX001", "DX002", "DX003"}));
  SourceFile env;
  env.path = ".env";
  env.kind = FileKind::kEnv;
  env.text = "DB_PASSWORD=s3cret\n";
  env.mode = 0600;
  EXPECT_TRUE(LintFile(env, opts).empty());  // .gitignore and compose checks need the tree.
}

TEST(ContextRules, SecretsNeverInMessages) {
  const std::string token = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
  SourceFile ex;
  ex.path = ".env.example";
  ex.kind = FileKind::kEnv;
  ex.text = "# tokens\nGITHUB_TOKEN=\"" + token + "\"\n";
  const Config config = DxConfig();
  LintOptions opts{&config, nullptr, nullptr};
  const std::vector<Diagnostic> diags = LintFile(ex, opts);
  ASSERT_EQ(Codes(diags), std::vector<std::string>{"DX024"});
  EXPECT_EQ(diags[0].message.find(token.substr(4, 8)), std::string::npos);
  ASSERT_EQ(diags[0].redactions.size(), 1u);
  EXPECT_NE(diags[0].redactions[0].Of(ex.text).find(token), std::string_view::npos);
}

TEST(ContextRules, DockerignoreRulesFixTogetherAndMatchTheGenerator) {
  Tree t;
  t.Add("package.json", "{}");
  t.Add("pyproject.toml", "[project]\n");
  t.Add(".git/HEAD", "ref\n");
  SourceFile& di = t.Add(".dockerignore", "# mine\r\n*.pyc\r\n");
  const Config config = DxConfig();
  LintOptions opts{&config, &t.ws, nullptr};
  FixOutcome out = FixToFixpoint(di, opts, Applicability::kUnsafe);
  EXPECT_TRUE(out.converged);
  EXPECT_EQ(out.text.substr(0, 18), "# mine\r\n**/*.pyc\r\n") << out.text;
  EXPECT_EQ(out.text.find("\n\n"), std::string::npos) << "line endings must stay CRLF";
  SourceFile fixed = di;
  fixed.text = out.text;
  EXPECT_TRUE(LintFile(fixed, opts).empty()) << Codes(LintFile(fixed, opts)).size();

  // A generated .dockerignore satisfies every rule.
  SourceFile gen = di;
  gen.text = generate::GenerateDockerignore(t.ws, ".");
  EXPECT_TRUE(LintFile(gen, opts).empty());
}

TEST(ContextRules, EntrypointRulesFixTogether) {
  Tree t;
  SourceFile& ep = t.Add("docker-entrypoint.sh", "set -x\r\n[[ -n \"$X\" ]] && echo hi\r\ngunicorn app\r\n");
  const Config config = DxConfig();
  LintOptions opts{&config, &t.ws, nullptr};
  EXPECT_EQ(Codes(LintFile(ep, opts)),
            (std::vector<std::string>{"DX040", "DX041", "DX043", "DX044", "DX042"}));
  FixOutcome out = FixToFixpoint(ep, opts, Applicability::kUnsafe);
  EXPECT_TRUE(out.converged);
  EXPECT_EQ(out.text, "#!/bin/bash\nset -e\n[[ -n \"$X\" ]] && echo hi\nexec gunicorn app\n");
}

}  // namespace
}  // namespace shipshape
