// Every Compose rule over the shared corpus of real-world Compose files: no crash, every range
// inside its file, and `fix --unsafe` converges, never introduces a YAML or schema error, and is
// idempotent. Prints per-rule counts before and after fixing (the fix share).
//
// SHIPSHAPE_CORPUS_VERBOSE=1 prints every finding; SHIPSHAPE_CORPUS_RULE=DC040 only that rule's.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

size_t CountCode(const std::vector<Diagnostic>& diags, std::string_view code) {
  size_t n = 0;
  for (const Diagnostic& d : diags) n += d.rule->code == code;
  return n;
}

TEST(ComposeRulesCorpus, LintAndFixEveryFile) {
  const std::filesystem::path dir = std::filesystem::path(SHIPSHAPE_SHARED_DIR) / "corpus" / "compose";
  ASSERT_TRUE(std::filesystem::exists(dir)) << "no corpus at " << dir;
  const char* verbose_env = std::getenv("SHIPSHAPE_CORPUS_VERBOSE");
  const char* only_env = std::getenv("SHIPSHAPE_CORPUS_RULE");
  const bool verbose = verbose_env != nullptr || only_env != nullptr;
  Config config;
  config.selected = {"DC"};  // every Compose rule, preview ones included
  LintOptions opts;
  opts.config = &config;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file()) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::map<std::string, size_t> before, after, fixable;
  size_t total_before = 0, total_after = 0, total_after_safe = 0, files = 0, changed = 0;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    SourceFile file;
    file.path = p.filename().string();
    file.kind = FileKind::kCompose;
    file.text = ss.str();
    ++files;
    std::vector<Diagnostic> diags = LintFile(file, opts);
    const bool parse_error = HasParseError(diags);
    const size_t schema_before = CountCode(diags, "DC001");
    for (const Diagnostic& d : diags) {
      EXPECT_LE(d.range.start, d.range.end) << file.path << " " << d.rule->code;
      EXPECT_LE(d.range.end, file.text.size()) << file.path << " " << d.rule->code;
      for (TextRange r : d.redactions) {
        EXPECT_LE(r.end, file.text.size()) << file.path;
        // A redacted value never appears in the message.
        std::string_view secret = r.Of(file.text);
        // Text the file also shows unredacted elsewhere (a password equal to the service name)
        // leaks nothing.
        const size_t first = file.text.find(secret);
        const bool elsewhere = first != r.start || file.text.find(secret, first + 1) != std::string::npos;
        if (secret.size() >= 4 && !elsewhere) {
          EXPECT_EQ(d.message.find(secret), std::string::npos) << file.path << " " << d.rule->code;
        }
      }
      ++before[std::string(d.rule->code)];
      ++total_before;
      if (d.fix && d.fix->applicability != Applicability::kDisplayOnly) ++fixable[std::string(d.rule->code)];
      if (verbose && (!only_env || d.rule->code == only_env)) {
        const auto lc = file.lines().Locate(d.range.start);
        std::printf("%s:%u: %s %s%s\n", file.path.c_str(), lc.line, std::string(d.rule->code).c_str(),
                    d.message.c_str(), d.fix ? " [fix]" : "");
      }
    }
    total_after_safe += FixToFixpoint(file, opts, Applicability::kSafe).remaining.size();
    FixOutcome fixed = FixToFixpoint(file, opts, Applicability::kUnsafe);
    EXPECT_TRUE(fixed.converged) << file.path;
    EXPECT_TRUE(fixed.rolled_back.empty()) << file.path << " fix broke the parse: " << fixed.rolled_back.size();
    SourceFile again = file;
    again.text = fixed.text;
    std::vector<Diagnostic> left = LintFile(again, opts);
    if (!parse_error) {
      EXPECT_FALSE(HasParseError(left)) << file.path;
    }
    EXPECT_LE(CountCode(left, "DC001"), schema_before) << file.path << " fix introduced a schema error";
    if (CountCode(left, "DC001") > schema_before || (!parse_error && HasParseError(left))) {
      for (const Diagnostic& d : left)
        if (d.rule->code == "DC001" || d.rule->code == "DC000") std::printf("  %s: %s\n", file.path.c_str(), d.message.c_str());
    }
    for (const Diagnostic& d : left) {
      ++after[std::string(d.rule->code)];
      ++total_after;
    }
    if (fixed.text != file.text) ++changed;
    FixOutcome twice = FixToFixpoint(again, opts, Applicability::kUnsafe);
    EXPECT_EQ(twice.text, fixed.text) << file.path << " second fix run changed the file";
  }
  std::printf("compose rules on %zu corpus files (%zu changed by fix --unsafe):\n", files, changed);
  std::printf("  %-6s %-40s %7s %7s %7s\n", "code", "name", "before", "fixable", "after");
  for (const Rule* r : AllRules()) {
    if (r->target != Target::kCompose) continue;
    const std::string code(r->code);
    std::printf("  %-6s %-40s %7zu %7zu %7zu\n", code.c_str(), std::string(r->name).c_str(), before[code],
                fixable[code], after[code]);
  }
  std::printf("  total findings %zu before, %zu after fix --unsafe (%.1f%% fixed)\n", total_before, total_after,
              total_before ? 100.0 * static_cast<double>(total_before - std::min(total_before, total_after)) /
                                 static_cast<double>(total_before)
                           : 0.0);
  std::printf("  total findings after fix (safe fixes only): %zu\n", total_after_safe);
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace shipshape
