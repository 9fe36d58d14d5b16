// The generic driver for every rule's cases (registered by the case files, rules/cases.h): each
// Bad case fires and its fix gives exactly `fixed`, once; each Good case is silent; Dockerfile
// cases also run as their ONBUILD variant; every rule's Bad findings match its committed snapshot
// (tests/snapshots/rules/<CODE>.snap). Then the registry invariants: rules.def against the rule
// files, and the product binary carrying no case text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <type_traits>

#include "core/workspace.h"
#include "core/diff.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "report/report.h"
#include "report/reporters.h"
#include "rules/cases.h"
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

bool UpdateSnapshots() {
  const char* update = std::getenv("SHIPSHAPE_UPDATE_SNAPSHOTS");
  return update != nullptr && std::string_view(update) == "1";
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// `file` with what any output masks (the rule's redactions, credentials by form, env values).
std::string Masked(const SourceFile& file, const LintOptions& opts) {
  return MaskedText(file, LintFile(file, opts));
}

/// One Bad case's own findings as `shipshape check` prints them (location, message, caret excerpt,
/// secrets masked), each followed by its fix: applicability, title, the diff of that fix alone
/// and the side files it writes, masked as `fix --diff` masks them.
std::string RenderFindings(const Rule& rule, const SourceFile& file,
                           const std::vector<Diagnostic>& diags, const LintOptions& opts) {
  std::string out;
  for (const Diagnostic& d : diags) {
    if (d.rule != &rule) continue;
    Report report;
    report.files.push_back({&file, {d}});
    std::string text = RenderText(report, RenderOptions{});
    const size_t summary = text.rfind("\nFound ");
    if (summary != std::string::npos) text.resize(summary + 1);
    out += text;
    if (!d.fix) continue;
    out += "fix (" + std::string(ApplicabilityName(d.fix->applicability)) + "): " +
           EscapeControls(d.fix->title) + "\n";
    std::string after;
    ApplyFixes(file.text, {d}, Applicability::kDisplayOnly, &after);
    SourceFile fixed = file;
    fixed.text = after;
    const bool runtime = rule.target == Target::kRuntime;
    out += EscapeControls(UnifiedDiff(Masked(file, opts),
                                      runtime ? after : Masked(fixed, opts), file.path),
                          "\t\n");
    for (const Fix::FileWrite& w : d.fix->file_writes) {
      SourceFile side;
      side.path = w.path;
      side.kind = ClassifyPath(w.path);
      side.text = w.content;
      out += std::string(w.append ? "appends to " : "writes ") + w.path + ":\n" +
             EscapeControls(MaskedText(side, {}), "\t\n");
      if (!out.empty() && out.back() != '\n') out += "\n";
    }
  }
  return out;
}

/// The ONBUILD variant of a Dockerfile case, as hadolint's spec driver makes them: every line
/// that starts with `RUN ` becomes `ONBUILD RUN `. Empty when the case has no such line, and for
/// heredocs (`RUN <<EOF`), which an ONBUILD trigger cannot carry (BuildKit reads the body lines as
/// instructions).
std::string OnbuildVariant(std::string_view src) {
  if (src.find("<<") != std::string_view::npos) return {};
  std::string out;
  bool any = false;
  size_t pos = 0;
  while (pos < src.size()) {
    size_t nl = src.find('\n', pos);
    nl = nl == std::string_view::npos ? src.size() : nl + 1;
    const std::string_view line = src.substr(pos, nl - pos);
    if (line.starts_with("RUN ")) {
      out += "ONBUILD ";
      any = true;
    }
    out += line;
    pos = nl;
  }
  return any ? out : std::string();
}

/// What a finding says and where, independent of where its line moved: (message, flagged text).
std::vector<std::pair<std::string, std::string>> Findings(const std::vector<Diagnostic>& diags,
                                                          const Rule& rule,
                                                          std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Diagnostic& d : diags)
    if (d.rule == &rule && d.range.end <= text.size())
      out.emplace_back(d.message, std::string(d.range.Of(text)));
  std::sort(out.begin(), out.end());
  return out;
}

struct Totals {
  size_t bad = 0, good = 0, snapshots = 0, onbuild = 0;
};
Totals& CaseTotals() {
  static Totals t;
  return t;
}

/// Prints how many cases, snapshots and ONBUILD variants the run checked.
class TotalsPrinter : public ::testing::Environment {
 public:
  void TearDown() override {
    const Totals& t = CaseTotals();
    if (t.bad + t.good == 0) return;
    std::printf("[ rule cases ] %zu Bad, %zu Good, %zu rule snapshots, %zu ONBUILD variants\n",
                t.bad, t.good, t.snapshots, t.onbuild);
  }
};
[[maybe_unused]] const auto* const kTotalsPrinter =
    ::testing::AddGlobalTestEnvironment(new TotalsPrinter);

std::filesystem::path SnapshotPath(const Rule& rule) {
  return std::filesystem::path(SHIPSHAPE_SOURCE_DIR) / "tests" / "snapshots" / "rules" /
         (std::string(rule.code) + ".snap");
}

class RuleCasesTest : public ::testing::TestWithParam<const Rule*> {};

TEST_P(RuleCasesTest, Cases) {
  const Rule& rule = *GetParam();
  const std::vector<TestCase>& cases = CasesFor(rule.code);
  Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  opts.only = &rule;
  int bad = 0, good = 0, index = 0;
  std::string snapshot = "# " + std::string(rule.code) + " " + std::string(rule.name) +
                         ": the findings of every Bad case as `shipshape check` prints them, with\n"
                         "# each fix's applicability, title and diff. Written by shipshape_tests "
                         "(RuleCasesTest); refresh\n# with SHIPSHAPE_UPDATE_SNAPSHOTS=1 and review the "
                         "diff like code.\n";
  const bool onbuild = rule.target == Target::kDockerfile && !rule.skips_onbuild;
  for (const TestCase& c : cases) {
    ++index;
    config = Config();
    config.preview = true;
    if (c.configure) c.configure(config);
    SourceFile file = MakeFile(rule, c);
    std::unique_ptr<CaseWorkspace> cw = MakeWorkspace(rule, c, file);
    opts.workspace = cw ? &cw->ws : nullptr;
    std::vector<Diagnostic> diags = rule.target == Target::kRuntime
                                        ? LintRuntimeCase(rule, c, opts, &file)
                                        : LintFile(file, opts);
    // hadolint's ONBUILD variant: `ONBUILD RUN x` must be reported as `RUN x` is, on the same
    // text with the same message, and fixed the same way.
    const std::string variant_src = onbuild ? OnbuildVariant(c.source) : std::string();
    if (!variant_src.empty()) {
      ++CaseTotals().onbuild;
      TestCase v = c;
      v.source = variant_src;
      SourceFile vfile = MakeFile(rule, v);
      std::unique_ptr<CaseWorkspace> vcw = MakeWorkspace(rule, v, vfile);
      LintOptions vopts = opts;
      vopts.workspace = vcw ? &vcw->ws : nullptr;
      const std::vector<Diagnostic> vdiags = LintFile(vfile, vopts);
      EXPECT_EQ(Findings(vdiags, rule, vfile.text), Findings(diags, rule, file.text))
          << rule.code << " reports ONBUILD RUN differently from RUN (set skips_onbuild if the "
          << "rule deliberately ignores ONBUILD triggers):\n" << variant_src << "\n" << Show(vdiags);
      if (c.bad && !c.fixed.empty()) {
        const std::string vfixed = OnbuildVariant(c.fixed);
        EXPECT_EQ(FixToFixpoint(vfile, vopts, Applicability::kUnsafe).text,
                  vfixed.empty() ? std::string(c.fixed) : vfixed)
            << rule.code << " fixes ONBUILD RUN differently from RUN:\n" << variant_src;
      }
    }
    if (!c.bad) {
      ++good;
      EXPECT_EQ(CountOwn(diags, rule), 0u) << rule.code << " fired on Good case:\n"
                                           << c.source << "\n" << Show(diags);
      continue;
    }
    ++bad;
    EXPECT_GT(CountOwn(diags, rule), 0u) << rule.code << " missed Bad case:\n" << c.source;
    snapshot += "\n=== case " + std::to_string(index) + ": " + EscapeControls(file.path) + " ===\n" +
                RenderFindings(rule, file, diags, opts);
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
    for (const TestCase& c : cases) golden |= c.bad && !c.fixed.empty();
    EXPECT_TRUE(golden) << rule.code << " has a fix but no Bad case with its fixed text";
  }
  // The docs page's example fix is one of the cases, so the driver has checked it above.
  if (!rule.fix_example.before.empty()) {
    bool found = false;
    for (const TestCase& c : cases)
      found |= c.bad && c.source == rule.fix_example.before && c.fixed == rule.fix_example.after &&
               c.path == rule.fix_example.path;
    EXPECT_TRUE(found) << rule.code << " fix_example is not one of its Bad cases "
                       << "(scripts/dev/extract_cases.py copies the first one)";
  }
  if (rule.status == Status::kNotApplicable) {
    EXPECT_TRUE(cases.empty()) << rule.code << " is not applicable but has cases";
  } else if (rule.status != Status::kRemoved) {
    EXPECT_GT(bad, 0) << rule.code << " has no Bad case";
    EXPECT_GT(good, 0) << rule.code << " has no Good case";
  }
  CaseTotals().bad += bad;
  CaseTotals().good += good;
  // Per-rule snapshot (ruff's model): a finding on another token, a second finding, a changed
  // message or a different fix shows up as a diff of the committed file.
  const std::filesystem::path snap = SnapshotPath(rule);
  if (bad == 0) {
    EXPECT_FALSE(std::filesystem::exists(snap)) << snap << " is stale: the rule has no Bad case";
    return;
  }
  ++CaseTotals().snapshots;
  if (UpdateSnapshots()) {
    std::filesystem::create_directories(snap.parent_path());
    std::ofstream(snap, std::ios::binary) << snapshot;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(snap))
      << "missing snapshot " << snap << " (run with SHIPSHAPE_UPDATE_SNAPSHOTS=1 and review it)";
  EXPECT_EQ(ReadFile(snap), snapshot)
      << "snapshot " << snap << " differs (refresh with SHIPSHAPE_UPDATE_SNAPSHOTS=1 and review)";
}

std::string RuleName(const ::testing::TestParamInfo<const Rule*>& info) {
  return std::string(info.param->code);
}

std::vector<const Rule*> Rules() {
  auto all = AllRules();
  return {all.begin(), all.end()};
}

INSTANTIATE_TEST_SUITE_P(All, RuleCasesTest, ::testing::ValuesIn(Rules()), RuleName);

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

// The rule files under src/rules/<target>/, by code: <CODE>_<name>.cc (not the *_test.cc beside it).
std::map<std::string, std::filesystem::path> RuleFiles() {
  std::map<std::string, std::filesystem::path> out;
  const std::regex file_re("(D[FCXR][0-9]{3})_[a-z0-9_]+\\.cc");
  for (const char* target : {"dockerfile", "compose", "context", "runtime"}) {
    const auto dir = std::filesystem::path(SHIPSHAPE_SOURCE_DIR) / "src" / "rules" / target;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      std::smatch m;
      if (!std::regex_match(name, m, file_re) || name.ends_with("_test.cc")) continue;
      EXPECT_TRUE(out.emplace(m[1].str(), e.path()).second) << "two files for " << m[1];
    }
  }
  return out;
}

// rules.def is generated from the rule files; a stale list (a rule file added, renamed or removed
// without running scripts/dev/gen_rules_def.py) fails here, and so does a file defining another
// code or another variable than its RULE line says.
TEST(Registry, RulesDefMatchesTheRuleFiles) {
  const std::map<std::string, std::filesystem::path> files = RuleFiles();
  std::set<std::string> listed;
#define RULE(c, n)                                                                                 \
  {                                                                                                \
    listed.insert(#c);                                                                             \
    auto it = files.find(#c);                                                                      \
    if (it == files.end()) {                                                                       \
      ADD_FAILURE() << "rules.def lists " #c " but src/rules/*/" #c "_*.cc is missing";            \
    } else {                                                                                       \
      const std::string text = ReadFile(it->second);                                               \
      EXPECT_NE(text.find("const Rule k" #n "{"), std::string::npos)                               \
          << it->second << " does not define k" #n;                                                \
      EXPECT_NE(text.find(".code = \"" #c "\""), std::string::npos) << it->second;                 \
    }                                                                                              \
    const Rule* r = FindRule(#c);                                                                  \
    EXPECT_TRUE(r != nullptr && r->code == #c) << #c " is not registered";                         \
  }
#include "rules/rules.def"
#undef RULE
  for (const auto& [code, path] : files)
    EXPECT_TRUE(listed.count(code)) << path << " is not in rules.def: run scripts/dev/gen_rules_def.py";
  EXPECT_EQ(listed.size(), AllRules().size());
}

// Every registered case list belongs to a rule and sits beside it; every rule that runs has one.
TEST(Registry, CasesLiveBesideTheirRule) {
  for (std::string_view code : RuleCases::DuplicateCodes())
    ADD_FAILURE() << "cases registered twice for " << code;
  const std::map<std::string, std::filesystem::path> files = RuleFiles();
  for (const auto& [code, cases] : RegisteredCases()) {
    const Rule* r = FindRule(code);
    ASSERT_NE(r, nullptr) << "cases registered for unknown rule " << code;
    EXPECT_EQ(r->code, code) << "cases must be registered by code, not " << code;
    auto it = files.find(std::string(code));
    ASSERT_NE(it, files.end()) << code;
    std::filesystem::path sibling = it->second;
    sibling.replace_extension();
    sibling += "_test.cc";
    EXPECT_NE(ReadFile(sibling).find("RuleCases kCases(\"" + std::string(code) + "\""),
              std::string::npos)
        << code << "'s cases are not registered in " << sibling;
  }
  for (const Rule* r : AllRules()) {
    if (r->status == Status::kNotApplicable || r->status == Status::kRemoved) continue;
    EXPECT_TRUE(RegisteredCases().count(r->code)) << r->code << " has no registered cases";
  }
}

// Every snapshot file belongs to a rule (a renamed or removed rule leaves none behind).
TEST(Registry, NoOrphanSnapshots) {
  const auto dir = std::filesystem::path(SHIPSHAPE_SOURCE_DIR) / "tests" / "snapshots" / "rules";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string stem = e.path().stem().string();
    const Rule* r = FindRule(stem);
    EXPECT_TRUE(r != nullptr && r->code == stem && e.path().extension() == ".snap")
        << e.path() << " is not a rule's snapshot";
  }
}

// Rule metadata is constant-initialised: no member owns memory (the definitions are `constinit`,
// which the compiler enforces), and a Rule has no test cases to carry.
template <class R>
constexpr bool kHasCasesMember = requires(const R& r) { r.cases; };
static_assert(!kHasCasesMember<Rule>, "test cases live in the case files, not in Rule");
static_assert(std::is_trivially_destructible_v<Rule>, "Rule must stay constant-initialisable");

// The product binary carries no test case text: Bad and Good sources that are not also quoted in
// a rule's docs or example fix must not be in build/shipshape (before issue 15 they all were).
TEST(Registry, ProductCarriesNoCaseText) {
  const std::string binary = ReadFile(SHIPSHAPE_BINARY);
  ASSERT_GT(binary.size(), 100000u) << SHIPSHAPE_BINARY;
  std::string product_text;  // what the product may quote: docs, summaries, example fixes
  for (const Rule* r : AllRules()) {
    product_text += std::string(r->docs) + "\n" + std::string(r->summary) + "\n" +
                    std::string(r->fix_example.before) + std::string(r->fix_example.after) + "\n";
  }
  std::vector<std::string_view> probes;
  for (const auto& [code, cases] : RegisteredCases())
    for (const TestCase& c : cases)
      if (c.source.size() >= 24 && product_text.find(c.source) == std::string::npos)
        probes.push_back(c.source);
  ASSERT_GT(probes.size(), 100u);
  // An evenly spread sample keeps this fast on a large RelWithDebInfo binary.
  const size_t step = probes.size() / 60;
  size_t checked = 0;
  for (size_t i = 0; i < probes.size(); i += step, ++checked) {
    const std::string_view p = probes[i];
    const auto hit = std::search(binary.begin(), binary.end(),
                                 std::boyer_moore_horspool_searcher(p.begin(), p.end()));
    EXPECT_TRUE(hit == binary.end()) << "the product binary contains case text:\n" << p;
  }
  EXPECT_GE(checked, 60u);
}

}  // namespace
}  // namespace shipshape
