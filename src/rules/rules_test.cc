// The generic driver for every rule's inline cases, and the registry invariants.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <set>

#include "core/workspace.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"
#include "lint/container_lint.h"
#include "runtime/inspect_json.h"

namespace shipshape {
namespace {

FileKind KindFor(const Rule& rule, const TestCase& c) {
  switch (rule.target) {
    case Target::kDockerfile: return FileKind::kDockerfile;
    case Target::kCompose: return FileKind::kCompose;
    case Target::kRuntime:
      return FileKind::kOther;
    case Target::kContext: {
      if (c.path.empty()) return FileKind::kDockerignore;
      FileKind k = ClassifyPath(c.path);
      return k;
    }
  }
  return FileKind::kOther;
}

SourceFile MakeFile(const Rule& rule, const TestCase& c) {
  SourceFile f;
  f.path = c.path.empty() ? (rule.target == Target::kCompose ? "compose.yaml" : "Dockerfile")
                          : std::string(c.path);
  f.kind = KindFor(rule, c);
  f.text = std::string(c.source);
  if (c.mode != 0) f.mode = c.mode;
  return f;
}

/// The workspace a context rule's case runs in: an in-memory tree rooted at "." holding the file
/// under test and the case's neighbour files (TestCase::files). Other targets get none.
struct CaseWorkspace {
  MemoryFileSystem fs;
  std::vector<std::unique_ptr<SourceFile>> neighbours;
  Workspace ws;
};

std::unique_ptr<CaseWorkspace> MakeWorkspace(const Rule& rule, const TestCase& c,
                                             const SourceFile& file) {
  // Context cases, cases with side files, and Dockerfile cases with a path get a workspace holding
  // the file (and those files), so rules that look beside the file run; other cases have none.
  const bool dockerfile_with_path = !c.path.empty() && rule.target == Target::kDockerfile;
  if (rule.target != Target::kContext && !c.add_files && !dockerfile_with_path) return nullptr;
  auto cw = std::make_unique<CaseWorkspace>();
  if (c.add_files) c.add_files(cw->fs);
  cw->ws.root = ".";
  cw->ws.fs = &cw->fs;
  cw->fs.Add(file.path, file.text, file.mode);
  cw->ws.files.push_back(&file);
  for (const TestFile& t : c.files) {
    cw->fs.Add(std::string(t.path), std::string(t.content), t.mode);
    auto n = std::make_unique<SourceFile>();
    n->path = std::string(t.path);
    n->text = std::string(t.content);
    n->kind = ClassifyPath(t.path);
    n->mode = t.mode;
    if (n->kind == FileKind::kOther) continue;
    cw->ws.files.push_back(n.get());
    cw->neighbours.push_back(std::move(n));
  }
  return cw;
}

// Runtime rules: a case's `source` is the `docker inspect` JSON of one container. Lints it as
// `shipshape inspect` would and replaces *file with the container's pretty-printed JSON, the text
// the diagnostics point into.
std::vector<Diagnostic> LintRuntimeCase(const Rule& rule, const TestCase& c,
                                        const LintOptions& opts, SourceFile* file) {
  auto loaded = runtime::LoadInspectJson(c.source);
  if (!loaded.ok()) {
    ADD_FAILURE() << rule.code << " case is not inspect JSON: " << loaded.error().message << "\n"
                  << c.source;
    return {};
  }
  if (loaded->size() != 1) {
    ADD_FAILURE() << rule.code << " case must hold exactly one container:\n" << c.source;
    return {};
  }
  runtime::LoadedContainer& lc = (*loaded)[0];
  std::vector<Diagnostic> diags = runtime::LintContainer(lc.model, lc.file, opts);
  for (const Diagnostic& d : diags) {
    // Findings name a key of the container's JSON, and a running container is never edited.
    EXPECT_LT(d.range.start, d.range.end) << rule.code << " empty range:\n" << c.source;
    EXPECT_FALSE(d.fix.has_value()) << rule.code << " runtime rules have no fixes";
  }
  *file = lc.file;
  return diags;
}

size_t CountOwn(const std::vector<Diagnostic>& diags, const Rule& rule) {
  size_t n = 0;
  for (const Diagnostic& d : diags) n += d.rule == &rule;
  return n;
}

std::string Show(const std::vector<Diagnostic>& diags) {
  std::string s;
  for (const Diagnostic& d : diags)
    s += std::string(d.rule->code) + "@" + std::to_string(d.range.start) + ": " + d.message + "\n";
  return s;
}

class RuleCases : public ::testing::TestWithParam<const Rule*> {};

TEST_P(RuleCases, InlineCases) {
  const Rule& rule = *GetParam();
  Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  opts.only = &rule;
  int bad = 0, good = 0;
  for (const TestCase& c : rule.cases) {
    config = Config();
    config.preview = true;
    if (c.configure) c.configure(config);
    SourceFile file = MakeFile(rule, c);
    std::unique_ptr<CaseWorkspace> cw = MakeWorkspace(rule, c, file);
    opts.workspace = cw ? &cw->ws : nullptr;
    std::vector<Diagnostic> diags = rule.target == Target::kRuntime
                                        ? LintRuntimeCase(rule, c, opts, &file)
                                        : LintFile(file, opts);
    if (!c.bad) {
      ++good;
      EXPECT_EQ(CountOwn(diags, rule), 0u) << rule.code << " fired on Good case:\n"
                                           << c.source << "\n" << Show(diags);
      continue;
    }
    ++bad;
    EXPECT_GT(CountOwn(diags, rule), 0u) << rule.code << " missed Bad case:\n" << c.source;
    for (const Diagnostic& d : diags) {
      EXPECT_LE(d.range.end, file.text.size()) << rule.code;
      EXPECT_LE(d.range.start, d.range.end) << rule.code;
      // Messages name a secret's variable, never its value: reporters mask excerpts by byte
      // range and do not search messages for values.
      for (TextRange r : d.redactions) {
        const std::string_view secret = r.end <= file.text.size() ? r.Of(file.text) : "";
        if (secret.size() < 4) continue;
        EXPECT_EQ(d.message.find(secret), std::string::npos)
            << rule.code << " message quotes a secret: " << d.message;
        if (d.fix) {
          EXPECT_EQ(d.fix->title.find(secret), std::string::npos) << rule.code;
        }
      }
      if (rule.fix == FixAvailability::kNone && d.rule == &rule) {
        EXPECT_FALSE(d.fix && d.fix->applicability != Applicability::kDisplayOnly)
            << rule.code << " declares no fix but attached one";
      }
      if (rule.fix == FixAvailability::kAlways && d.rule == &rule) {
        EXPECT_TRUE(d.fix.has_value()) << rule.code << " declares kAlways but has no fix";
      }
    }
    if (!c.fixed.empty()) {
      FixOutcome fixed = FixToFixpoint(file, opts, Applicability::kUnsafe);
      EXPECT_TRUE(fixed.converged) << rule.code;
      EXPECT_TRUE(fixed.rolled_back.empty()) << rule.code << " fix broke the parse";
      EXPECT_EQ(fixed.text, c.fixed) << rule.code << " fix of:\n" << c.source;
      // Second run changes nothing.
      SourceFile again = file;
      again.text = fixed.text;
      FixOutcome twice = FixToFixpoint(again, opts, Applicability::kUnsafe);
      EXPECT_EQ(twice.text, fixed.text) << rule.code << " fix is not idempotent";
      EXPECT_FALSE(HasParseError(LintFile(again, opts))) << rule.code << " fixed text does not parse";
    }
  }
  // Every fix has a golden: a Bad case with the exact fixed text (also shown as a diff in the
  // rule's docs page). Fixes that write another file (.gitignore, .dockerignore) are checked by
  // the workspace and context tests instead.
  static const std::set<std::string_view> kFixesAnotherFile = {"DC014", "DF114", "DX021"};
  if (rule.fix != FixAvailability::kNone && rule.status != Status::kNotApplicable &&
      !kFixesAnotherFile.count(rule.code)) {
    bool golden = false;
    for (const TestCase& c : rule.cases) golden |= c.bad && !c.fixed.empty();
    EXPECT_TRUE(golden) << rule.code << " has a fix but no Bad case with its fixed text";
  }
  if (rule.status == Status::kNotApplicable) {
    EXPECT_TRUE(rule.cases.empty()) << rule.code << " is not applicable but has cases";
  } else if (rule.status != Status::kRemoved) {
    EXPECT_GT(bad, 0) << rule.code << " has no Bad case";
    EXPECT_GT(good, 0) << rule.code << " has no Good case";
  }
}

std::string RuleName(const ::testing::TestParamInfo<const Rule*>& info) {
  return std::string(info.param->code);
}

std::vector<const Rule*> Rules() {
  auto all = AllRules();
  return {all.begin(), all.end()};
}

INSTANTIATE_TEST_SUITE_P(All, RuleCases, ::testing::ValuesIn(Rules()), RuleName);

// Rules the linter reports from the parsers' own errors (they have no check function).
const std::set<std::string_view> kParserRules = {"DF000", "DC000", "DC001", "DC002"};

TEST(Registry, CodesUniqueSortedAndWellFormed) {
  std::set<std::string_view> codes, names;
  std::string_view prev;
  const std::regex code_re("D[FCXR][0-9]{3}");
  const std::regex name_re("[a-z0-9]+(-[a-z0-9]+)*");
  for (const Rule* r : AllRules()) {
    EXPECT_TRUE(codes.insert(r->code).second) << "duplicate code " << r->code;
    EXPECT_TRUE(names.insert(r->name).second) << "duplicate name " << r->name;
    EXPECT_LT(prev, r->code) << "registry not sorted at " << r->code;
    prev = r->code;
    EXPECT_TRUE(std::regex_match(std::string(r->code), code_re)) << r->code;
    EXPECT_TRUE(std::regex_match(std::string(r->name), name_re)) << r->name;
    EXPECT_FALSE(r->summary.empty()) << r->code;
    const char prefix = r->code[1];
    EXPECT_EQ(prefix == 'F', r->target == Target::kDockerfile) << r->code;
    EXPECT_EQ(prefix == 'C', r->target == Target::kCompose) << r->code;
    EXPECT_EQ(prefix == 'X', r->target == Target::kContext) << r->code;
    EXPECT_EQ(prefix == 'R', r->target == Target::kRuntime) << r->code;
    const bool has_check =
        r->check_dockerfile || r->check_compose || r->check_context || r->check_runtime;
    if (r->status == Status::kNotApplicable) {
      EXPECT_FALSE(has_check) << r->code << " is marked not applicable but has a check";
      EXPECT_EQ(r->fix, FixAvailability::kNone) << r->code;
      EXPECT_FALSE(r->aliases.empty()) << r->code << ": not applicable to which peer check?";
    } else {
      EXPECT_TRUE(has_check || kParserRules.count(r->code)) << r->code << " has no check";
    }
    for (const Alias& a : r->aliases) {
      static const std::set<std::string_view> kTools = {"hadolint", "buildkit", "cis", "trivy",
                                                        "checkov", "kics", "dockle", "dclint",
                                                        "parfum", "shellcheck"};
      EXPECT_TRUE(kTools.count(a.tool)) << r->code << " alias tool " << a.tool;
      EXPECT_FALSE(a.id.empty()) << r->code;
    }
  }
}

TEST(Registry, EveryRuleHasDocs) {
  for (const Rule* r : AllRules()) {
    const std::vector<const char*> headings =
        r->status == Status::kNotApplicable
            ? std::vector<const char*>{"## What it does", "## Why not applicable", "## Use instead",
                                       "## References"}
            : std::vector<const char*>{"## What it does", "## Why is this bad", "## Example",
                                       "## Use instead", "## Fix safety", "## References"};
    for (const char* heading : headings) {
      EXPECT_NE(r->docs.find(heading), std::string_view::npos)
          << r->code << " docs lack '" << heading << "'";
    }
  }
}

TEST(Registry, FindsByCodeNameAndAlias) {
  for (const Rule* r : AllRules()) {
    EXPECT_EQ(FindRule(r->code), r);
    EXPECT_EQ(FindRule(r->name), r);
  }
  EXPECT_EQ(FindRule("NOPE999"), nullptr);
}

}  // namespace
}  // namespace shipshape
