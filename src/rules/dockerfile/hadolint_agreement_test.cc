// Agreement with hadolint's rule specs, as a table test.
//
// tests/hadolint/spec_cases.txt lists the cases of hadolint's public rule specs
// (test/Hadolint/Rule/DL*Spec.hs) as data: Dockerfile text, DL code, and whether hadolint reports
// the code on it. For each case this test runs every shipshape rule that carries the DL code as a
// hadolint alias, on the text as given (hadolint lints fragments without FROM, and so must we), and
// compares. It prints the agreement figure and fails when it drops below kGoal, when a
// disagreement is not listed in the table with its reason, when a listed disagreement has gone
// away, or when a rule that knowingly differs does not say so in its docs.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dockerfile/dockerfile.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

constexpr double kGoal = 0.97;

struct SpecCase {
  std::string code;        ///< DLxxxx
  std::string text;        ///< Dockerfile text, escapes decoded.
  bool onbuild = false;    ///< RUN instructions wrapped in ONBUILD, as hadolint's onBuild helpers do.
  int expected = 0;        ///< -1: at least one report; otherwise the exact number of reports.
  std::string differs;     ///< Non-empty: a known disagreement and its reason.
  Config config;
  int line = 0;            ///< Line in the table, for messages.
};

std::string Decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char n = s[i + 1];
      if (n == 'n') { out += '\n'; ++i; continue; }
      if (n == 't') { out += '\t'; ++i; continue; }
      if (n == '\\') { out += '\\'; ++i; continue; }
    }
    out += s[i];
  }
  return out;
}

/// Non-empty fields of `s` separated by `sep`.
std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string field; std::getline(in, field, sep);)
    if (!field.empty()) out.push_back(std::move(field));
  return out;
}

/// Applies one `config` line's settings (`trusted-registries=a,b`, `label-schema=k:type,...`,
/// `strict-labels`) to `c`.
bool ApplyConfig(std::string_view spec, Config* c, std::string* err) {
  *c = Config();
  for (const std::string& item : Split(spec, ' ')) {
    if (item == "strict-labels") {
      c->strict_labels = true;
    } else if (item.rfind("trusted-registries=", 0) == 0) {
      c->trusted_registries = Split(std::string_view(item).substr(19), ',');
    } else if (item.rfind("label-schema=", 0) == 0) {
      for (const std::string& kv : Split(std::string_view(item).substr(13), ',')) {
        size_t colon = kv.find(':');
        if (colon == std::string::npos) {
          *err = "label-schema entry without type: " + kv;
          return false;
        }
        c->label_schema[kv.substr(0, colon)] = kv.substr(colon + 1);
      }
    } else {
      *err = "unknown config item: " + item;
      return false;
    }
  }
  return true;
}

bool LoadTable(const std::string& path, std::vector<SpecCase>* cases, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = "cannot open " + path;
    return false;
  }
  std::string line, code;
  Config config;
  int lineno = 0;
  size_t group_start = 0;  // First case of the last case line (a `both` line makes two).
  while (std::getline(in, line)) {
    ++lineno;
    auto fail = [&](const std::string& why) {
      *err = path + ":" + std::to_string(lineno) + ": " + why;
      return false;
    };
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("rule ", 0) == 0) {
      code = line.substr(5);
      config = Config();
      continue;
    }
    if (line.rfind("config", 0) == 0) {
      if (!ApplyConfig(line.size() > 7 ? std::string_view(line).substr(7) : "", &config, err))
        return fail(*err);
      continue;
    }
    if (line.rfind("differs: ", 0) == 0) {
      if (cases->size() == group_start || line.size() <= 9) return fail("differs without a case");
      for (size_t i = group_start; i < cases->size(); ++i) (*cases)[i].differs = line.substr(9);
      continue;
    }
    size_t colon = line.find(": ");
    if (colon == std::string::npos) {
      if (line.back() != ':') return fail("expected `KIND: TEXT`");
      colon = line.size() - 1;
    }
    if (code.empty()) return fail("case before any `rule` line");
    std::vector<std::string> head = Split(std::string_view(line).substr(0, colon), ' ');
    SpecCase c;
    c.code = code;
    c.config = config;
    c.line = lineno;
    c.text = colon + 2 <= line.size() ? Decode(std::string_view(line).substr(colon + 2)) : "";
    if (head.empty()) return fail("empty case kind");
    std::string mode = head.size() > 1 ? head.back() : "";
    if (head[0] == "fire") {
      c.expected = -1;
    } else if (head[0] == "pass") {
      c.expected = 0;
    } else if (head[0] == "count" && head.size() == 2) {
      c.expected = std::stoi(head[1]);
      mode.clear();
    } else {
      return fail("unknown case kind: " + head[0]);
    }
    group_start = cases->size();
    if (mode.empty() || mode == "both") cases->push_back(c);
    if (mode == "onbuild" || mode == "both") {
      c.onbuild = true;
      cases->push_back(c);
    } else if (!mode.empty()) {
      return fail("unknown mode: " + mode);
    }
  }
  return true;
}

/// hadolint's onBuild helpers turn every RUN into ONBUILD RUN and leave other instructions alone.
std::string WrapRunsInOnbuild(const std::string& text) {
  auto df = dockerfile::Parse(text);
  std::string out = text;
  for (auto it = df->instructions.rbegin(); it != df->instructions.rend(); ++it)
    if (it->kind == dockerfile::Keyword::kRun) out.insert(it->keyword_range.start, "ONBUILD ");
  return out;
}

std::vector<const Rule*> RulesWithAlias(const std::string& code) {
  std::vector<const Rule*> out;
  for (const Rule* r : AllRules())
    if (r->target == Target::kDockerfile && r->check_dockerfile)
      for (const Alias& a : r->aliases)
        if (a.tool == "hadolint" && a.id == code) out.push_back(r);
  return out;
}

int CountReports(const SpecCase& c, const std::vector<const Rule*>& rules) {
  SourceFile file;
  file.path = "Dockerfile";
  file.kind = FileKind::kDockerfile;
  file.text = c.onbuild ? WrapRunsInOnbuild(c.text) : c.text;
  int n = 0;
  for (const Rule* r : rules) {
    LintOptions opts;
    opts.config = &c.config;
    opts.only = r;
    for (const Diagnostic& d : LintFile(file, opts))
      if (d.rule == r) ++n;
  }
  return n;
}

TEST(HadolintAgreementTest, SpecCasesAgree) {
  const std::string path = std::string(SHIPSHAPE_SOURCE_DIR) + "/tests/hadolint/spec_cases.txt";
  std::vector<SpecCase> cases;
  std::string err;
  ASSERT_TRUE(LoadTable(path, &cases, &err)) << err;
  ASSERT_GT(cases.size(), 500u) << "the table lost its cases";

  struct PerCode {
    int cases = 0;
    int agreed = 0;
  };
  std::map<std::string, PerCode> per_code;
  int agreed = 0;
  std::set<int> explained_lines;  // Table lines whose `differs:` still describes a disagreement.
  std::ostringstream report;
  for (const SpecCase& c : cases) {
    const std::vector<const Rule*> rules = RulesWithAlias(c.code);
    ASSERT_FALSE(rules.empty()) << path << ":" << c.line << ": no rule carries " << c.code;
    const int got = CountReports(c, rules);
    const bool agree = c.expected < 0 ? got > 0 : got == c.expected;
    PerCode& pc = per_code[c.code];
    ++pc.cases;
    const std::string where = "line " + std::to_string(c.line) + (c.onbuild ? " (onbuild)" : "");
    if (agree) {
      ++agreed;
      ++pc.agreed;
      continue;
    }
    if (!c.differs.empty()) explained_lines.insert(c.line);
    report << "  " << c.code << " " << where << ": hadolint "
           << (c.expected < 0 ? std::string("fires") : "expects " + std::to_string(c.expected))
           << ", shipshape " << got << " -- " << (c.differs.empty() ? "UNEXPLAINED" : c.differs)
           << "\n";
    if (c.differs.empty())
      ADD_FAILURE() << path << ":" << c.line << (c.onbuild ? " (onbuild)" : "") << ": " << c.code
                    << " disagrees with hadolint (expected "
                    << (c.expected < 0 ? std::string(">=1") : std::to_string(c.expected))
                    << " reports, got " << got
                    << "); fix the rule or add a `differs: REASON` line\n  text: " << c.text;
  }
  // A listed difference that no longer happens must leave the table (and the rule's docs).
  for (const SpecCase& c : cases)
    if (!c.differs.empty() && !explained_lines.count(c.line))
      ADD_FAILURE() << path << ":" << c.line << ": " << c.code
                    << " now agrees with hadolint; remove its `differs:` line";
  // Each reason names the rule whose docs explain the difference: "(DF042 docs)".
  for (const SpecCase& c : cases) {
    if (c.differs.empty()) continue;
    static const std::regex kDocsRef(R"(\((DF[0-9]+) docs\)$)");
    std::smatch m;
    if (!std::regex_search(c.differs, m, kDocsRef)) {
      ADD_FAILURE() << path << ":" << c.line << ": a `differs:` reason must end with (DFxxx docs)";
      continue;
    }
    const Rule* named = nullptr;
    for (const Rule* r : RulesWithAlias(c.code))
      if (r->code == m[1].str()) named = r;
    if (!named) {
      ADD_FAILURE() << path << ":" << c.line << ": " << m[1] << " does not carry " << c.code;
      continue;
    }
    EXPECT_NE(named->docs.find("## Differences from hadolint"), std::string_view::npos)
        << named->code << " differs from hadolint " << c.code
        << " but its docs have no 'Differences from hadolint' section";
  }

  const double ratio = static_cast<double>(agreed) / static_cast<double>(cases.size());
  std::printf("hadolint spec agreement: %d of %zu cases (%.1f%%) over %zu rule codes\n", agreed,
              cases.size(), 100.0 * ratio, per_code.size());
  for (const auto& [code, pc] : per_code)
    if (pc.agreed != pc.cases) std::printf("  %s: %d of %d agree\n", code.c_str(), pc.agreed, pc.cases);
  std::printf("%s", report.str().c_str());
  EXPECT_GE(ratio, kGoal) << "agreement with hadolint's specs fell below the goal";
}

TEST(HadolintAgreementTest, OnbuildWrappingTouchesOnlyRun) {
  EXPECT_EQ(WrapRunsInOnbuild("FROM a\nRUN x\nrun y\nCOPY a b\n"),
            "FROM a\nONBUILD RUN x\nONBUILD run y\nCOPY a b\n");
}

TEST(HadolintAgreementTest, DecodeEscapes) {
  EXPECT_EQ(Decode("a\\nb\\\\\\nc\\td"), "a\nb\\\nc\td");
}

}  // namespace
}  // namespace shipshape
