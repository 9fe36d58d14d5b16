// The fix session without the binary: files in memory, writes as data, rounds reported back by
// hand the way the CLI's transaction would.
#include "fix/session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "core/workspace.h"
#include "lint/linter.h"

namespace shipshape {
namespace {

struct Tree {
  MemoryFileSystem fs;
  Workspace ws;
  Config config;
  std::vector<std::unique_ptr<SourceFile>> files;

  Tree() {
    ws.root = ".";
    ws.fs = &fs;
  }

  /// A file on the in-memory disk and in the scan.
  const SourceFile& Add(std::string path, std::string text, FileKind kind) {
    fs.Add(path, text);
    SourceFile& f = *files.emplace_back(std::make_unique<SourceFile>());
    std::tie(f.path, f.text, f.kind) = std::tie(path, text, kind);
    ws.files.push_back(&f);
    return f;
  }
  FixSession Session(FixSessionOptions o = {}) const {
    std::vector<const SourceFile*> ptrs;
    std::vector<LintOptions> opts;
    for (const auto& f : files) {
      ptrs.push_back(f.get());
      opts.push_back(LintOptions{&config, &ws, nullptr});
    }
    return FixSession(std::move(ptrs), std::move(opts), std::move(o));
  }
};

const PlannedWrite* Find(const std::vector<PlannedWrite>& plan, const std::string& path) {
  for (const PlannedWrite& w : plan)
    if (w.path == path) return &w;
  return nullptr;
}

constexpr char kAddDockerfile[] = "FROM node:22\nCOPY . /app\nADD app.py /app/\n";

TEST(FixSession, PlansFixedSourcesAndSideFilesAsData) {
  Tree t;
  const SourceFile& df = t.Add("app/Dockerfile", kAddDockerfile, FileKind::kDockerfile);
  FixSessionOptions o;
  o.min = Applicability::kUnsafe;  // DF114's new .dockerignore may change the built image
  FixSession s = t.Session(o);
  std::string err;
  ASSERT_TRUE(s.Start(&err)) << err;
  const std::vector<PlannedWrite> plan = s.Plan();
  const PlannedWrite* src = Find(plan, "app/Dockerfile");
  ASSERT_NE(src, nullptr);
  EXPECT_EQ(src->kind, PlannedWrite::Kind::kReplace);
  EXPECT_EQ(src->expected, df.text);  // the transaction refuses a file changed since it was read
  EXPECT_NE(src->content.find("COPY app.py /app/"), std::string::npos) << src->content;
  EXPECT_EQ(src->owner, 0u);
  // DF114: no .dockerignore beside the Dockerfile, so its fix asks for one, created if absent.
  const PlannedWrite* side = Find(plan, "app/.dockerignore");
  ASSERT_NE(side, nullptr);
  EXPECT_EQ(side->kind, PlannedWrite::Kind::kCreateIfAbsent);
  EXPECT_EQ(side->source, "app/Dockerfile");
  EXPECT_FALSE(side->content.empty());
  // The source's own write comes first, then its side files.
  EXPECT_LT(src - plan.data(), side - plan.data());

  FixSession::RoundResult done;
  done.written = {{"app/.dockerignore", true}, {"app/Dockerfile", false}};
  EXPECT_FALSE(s.Record(done));
  FixSession::Result r = s.Finish();
  EXPECT_EQ(r.files_changed, std::vector<std::string>{"app/Dockerfile"});
  EXPECT_EQ(r.files_added, std::vector<std::string>{"app/.dockerignore"});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0]->text, src->content);
  EXPECT_GE(r.fixed, 2u);
  size_t left = 0;
  for (const auto& d : r.remaining) left += d.size();
  EXPECT_EQ(r.left, left);
  // A side file was written: what is left is linted again, against the fixed text.
  const std::vector<Diagnostic> again = LintFile(*r.files[0], LintOptions{&t.config, &t.ws, nullptr});
  EXPECT_EQ(r.remaining[0].size(), again.size());
  size_t fixes = 0;
  for (const FixOutcome::RuleFixes& f : r.fixed_by_rule) fixes += f.count;
  EXPECT_EQ(fixes, r.fixed);
  EXPECT_TRUE(std::is_sorted(r.fixed_by_rule.begin(), r.fixed_by_rule.end(),
                             [](const auto& a, const auto& b) { return a.code < b.code; }));
}

TEST(FixSession, AFailedCommitReportsEveryFileAsItWas) {
  Tree t;
  const SourceFile& df = t.Add("Dockerfile", kAddDockerfile, FileKind::kDockerfile);
  FixSession s = t.Session();
  std::string err;
  ASSERT_TRUE(s.Start(&err)) << err;
  ASSERT_FALSE(s.Plan().empty());
  FixSession::RoundResult failed;
  failed.committed = false;
  EXPECT_FALSE(s.Record(failed));
  FixSession::Result r = s.Finish();
  EXPECT_TRUE(r.files_changed.empty());
  EXPECT_TRUE(r.files_added.empty());
  EXPECT_EQ(r.files[0]->text, df.text);
  EXPECT_EQ(r.fixed, 0u);
  EXPECT_EQ(r.remaining[0].size(), LintFile(df, LintOptions{&t.config, &t.ws, nullptr}).size());
  EXPECT_EQ(r.left, r.remaining[0].size());
  EXPECT_GT(r.left, 0u);
}

TEST(FixSession, OnlyAFileLeftOutForAnEnvConflictIsPlannedAgain) {
  Tree t;
  t.Add("a/Dockerfile", kAddDockerfile, FileKind::kDockerfile);
  const SourceFile& b = t.Add("b/Dockerfile", kAddDockerfile, FileKind::kDockerfile);
  FixSession s = t.Session();
  std::string err;
  ASSERT_TRUE(s.Start(&err)) << err;
  FixSession::RoundResult first;
  first.dropped = {0, 1};
  first.conflicted = {1};  // 0 was dropped for an I/O error: not retried
  first.written = {};
  ASSERT_TRUE(s.Record(first));
  for (const PlannedWrite& w : s.Plan()) EXPECT_EQ(w.owner, 1u) << w.path;
  ASSERT_NE(Find(s.Plan(), "b/Dockerfile"), nullptr);
  // At most five rounds in all, however often the conflict comes back.
  FixSession::RoundResult again = first;
  again.dropped = {1};
  int rounds = 1;
  while (s.Record(again)) ++rounds;
  EXPECT_EQ(rounds, 4);
  FixSession::Result r = s.Finish();
  EXPECT_EQ(r.files[0]->text, kAddDockerfile);
  EXPECT_EQ(r.files[1]->text, b.text);  // still conflicted when the rounds ran out
}

TEST(FixSession, OverridesArePlannedBeforeAnythingIsWritten) {
  const std::string compose = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";
  FixSessionOptions o;
  o.min = Applicability::kUnsafe;
  o.into_override = "compose.prod.yaml";
  {
    Tree t;
    t.config.preview = true;
    t.Add("deploy/compose.yaml", compose, FileKind::kCompose);
    FixSession s = t.Session(o);
    std::string err;
    ASSERT_TRUE(s.Start(&err)) << err;
    const std::vector<PlannedWrite> plan = s.Plan();
    EXPECT_EQ(Find(plan, "deploy/compose.yaml"), nullptr) << "the Compose file stays as it is";
    const PlannedWrite* over = Find(plan, "deploy/compose.prod.yaml");
    ASSERT_NE(over, nullptr);
    EXPECT_EQ(over->kind, PlannedWrite::Kind::kCreate);
    EXPECT_NE(over->content.find("web"), std::string::npos) << over->content;
    EXPECT_FALSE(s.Record({}));
    FixSession::Result r = s.Finish();
    EXPECT_EQ(r.files[0]->text, compose) << "findings are reported against the original text";
  }
  {
    Tree t;
    t.config.preview = true;
    t.Add("deploy/compose.yaml", compose, FileKind::kCompose);
    std::vector<std::string> asked;
    o.exists = [&](const std::string& p) {
      asked.push_back(p);
      return true;
    };
    FixSession s = t.Session(o);
    std::string err;
    EXPECT_FALSE(s.Start(&err));
    EXPECT_EQ(err, "deploy/compose.prod.yaml already exists; --into-override never overwrites or "
                   "merges into a file (remove it, or pick another name)");
    EXPECT_EQ(asked, std::vector<std::string>{"deploy/compose.prod.yaml"});
  }
  {
    Tree t;
    t.Add("compose.yaml", compose, FileKind::kCompose);
    o.into_override = "compose.yaml";
    o.exists = nullptr;
    FixSession s = t.Session(o);
    std::string err;
    EXPECT_FALSE(s.Start(&err));
    EXPECT_NE(err.find("names the compose file compose.yaml itself"), std::string::npos) << err;
  }
}

TEST(FixSession, RunsFilesThroughTheInjectedPool) {
  Tree t;
  for (const char* p : {"a/Dockerfile", "b/Dockerfile", "c/Dockerfile"})
    t.Add(p, kAddDockerfile, FileKind::kDockerfile);
  FixSessionOptions o;
  size_t calls = 0, items = 0;
  o.parallel_for = [&](size_t n, const std::function<void(size_t)>& fn) {
    ++calls;
    items += n;
    for (size_t i = n; i-- > 0;) fn(i);  // any order
  };
  FixSession s = t.Session(o);
  std::string err;
  ASSERT_TRUE(s.Start(&err)) << err;
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(items, 3u);
  const std::vector<PlannedWrite> plan = s.Plan();
  ASSERT_NE(Find(plan, "c/Dockerfile"), nullptr);
  EXPECT_LT(Find(plan, "a/Dockerfile") - plan.data(), Find(plan, "c/Dockerfile") - plan.data())
      << "planned in file order";
}

}  // namespace
}  // namespace shipshape
