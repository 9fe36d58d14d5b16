// Runs the RUN rules (DF040-DF099) over the shared real-world corpus: no crash, valid ranges,
// fixes converge without breaking the parse, and a second fix run changes nothing. Prints the
// number of findings per rule; SHIPSHAPE_CORPUS_VERBOSE=DF042 (or "all") prints the findings.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

uint32_t LineOf(std::string_view text, uint32_t offset) {
  uint32_t line = 1;
  for (uint32_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

TEST(RunRulesCorpus, LintAndFixEveryDockerfile) {
  const std::filesystem::path dir =
      std::filesystem::path(SHIPSHAPE_SHARED_DIR) / "corpus" / "dockerfiles";
  ASSERT_TRUE(std::filesystem::exists(dir)) << "no corpus at " << dir;
  Config config;
  config.preview = true;
  config.selected = {"DF04", "DF05", "DF06", "DF07", "DF08", "DF09"};
  LintOptions opts;
  opts.config = &config;
  const char* verbose_env = std::getenv("SHIPSHAPE_CORPUS_VERBOSE");
  const std::string verbose = verbose_env ? verbose_env : "";
  std::map<std::string, int> counts, fixes_offered;
  int files = 0, fixed_files = 0, parse_errors = 0;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file()) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  auto start = std::chrono::steady_clock::now();
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    SourceFile file;
    file.path = path.filename().string();
    file.kind = FileKind::kDockerfile;
    file.text = ss.str();
    ++files;
    std::vector<Diagnostic> diags = LintFile(file, opts);
    if (HasParseError(diags)) {
      ++parse_errors;
      continue;
    }
    for (const Diagnostic& d : diags) {
      ASSERT_LE(d.range.start, d.range.end) << file.path << " " << d.rule->code;
      ASSERT_LE(d.range.end, file.text.size()) << file.path << " " << d.rule->code;
      for (const Edit* e = d.fix ? d.fix->edits.data() : nullptr;
           d.fix && e != d.fix->edits.data() + d.fix->edits.size(); ++e)
        ASSERT_LE(e->range.end, file.text.size()) << file.path << " " << d.rule->code;
      const std::string code(d.rule->code);
      ++counts[code];
      if (d.fix && d.fix->applicability != Applicability::kDisplayOnly) ++fixes_offered[code];
      if (verbose == "all" || verbose == code)
        std::printf("%s:%u: %s %s\n    | %s\n", file.path.c_str(), LineOf(file.text, d.range.start),
                    code.c_str(), d.message.c_str(),
                    std::string(d.range.Of(file.text).substr(0, 100)).c_str());
    }
    FixOutcome fixed = FixToFixpoint(file, opts, Applicability::kUnsafe);
    EXPECT_TRUE(fixed.converged) << file.path;
    EXPECT_TRUE(fixed.rolled_back.empty())
        << file.path << ": fix broke the parse: " << (fixed.rolled_back.empty() ? "" : fixed.rolled_back[0]);
    if (fixed.text != file.text) ++fixed_files;
    SourceFile again = file;
    again.text = fixed.text;
    EXPECT_FALSE(HasParseError(LintFile(again, opts))) << file.path;
    FixOutcome twice = FixToFixpoint(again, opts, Applicability::kUnsafe);
    EXPECT_EQ(twice.text, fixed.text) << file.path << ": second fix run changed the file";
    if (verbose == "diff" && fixed.text != file.text)
      std::printf("=== %s\n%s\n", file.path.c_str(), fixed.text.c_str());
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  int total = 0;
  std::printf("run rules corpus: %d Dockerfiles (%d unparsable), %d changed by fixes, %.0f ms\n",
              files, parse_errors, fixed_files, ms);
  for (const Rule* r : AllRules()) {
    if (r->code < "DF040" || r->code > "DF099") continue;
    const std::string code(r->code);
    total += counts[code];
    std::printf("  %s %-36s %5d findings (%d with fix)\n", code.c_str(), std::string(r->name).c_str(),
                counts[code], fixes_offered[code]);
  }
  std::printf("  total %d\n", total);
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace shipshape
