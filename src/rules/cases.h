// Inline test cases of the rules (ShellCheck/hadolint style), compiled into the test binary only:
// the product carries no case text. Each rule's cases live in the sibling file
// `<CODE>_<name>_test.cc`, which registers them by code:
//
//   const RuleCases kCases("DF020", {Bad("ADD app.py /app/", "COPY app.py /app/"),
//                                    Good("ADD https://e.org/a.tgz /x/")});
//
// The generic driver (rules/rules_test.cc) runs every registered case, checks each fix and renders
// the Bad cases into tests/snapshots/rules/<CODE>.snap. Only test sources include this header.
#ifndef SHIPSHAPE_RULES_CASES_H_
#define SHIPSHAPE_RULES_CASES_H_

#include <cstdint>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "config/config.h"
#include "rules/rule.h"

namespace shipshape {

class MemoryFileSystem;

/// A neighbour file for a context rule's inline case. The driver runs every context-rule case in
/// an in-memory workspace rooted at "." holding the file under test and these files; `path` is
/// relative to that root. Cases of other targets get no workspace, as before.
struct TestFile {
  std::string_view path;
  std::string_view content;
  uint32_t mode = 0644;
};

/// Inline test case. For a Bad case with non-empty `fixed`, applying every fix of the rule at
/// unsafe level must produce exactly `fixed`, and a second run must change nothing.
struct TestCase {
  bool bad = false;
  std::string_view source;
  std::string_view fixed;
  /// For context rules: path of the file under test, e.g. ".dockerignore".
  std::string_view path = {};
  /// Adjusts the configuration for this case (rules driven by config: trusted registries, label
  /// schema). Null: the default configuration.
  void (*configure)(Config&) = nullptr;
  /// Adds files beside the one under test (e.g. a `.dockerignore`); the case then runs with a
  /// workspace holding them and the file itself (at `path`, default "Dockerfile").
  void (*add_files)(MemoryFileSystem&) = nullptr;
  /// For context rules: files beside the one under test (see TestFile).
  std::vector<TestFile> files = {};
  /// For context rules: permission bits of the file under test (0 = the default 0644).
  uint32_t mode = 0;
};
inline TestCase Bad(std::string_view src, std::string_view fixed = {}) { return {true, src, fixed}; }
inline TestCase Good(std::string_view src) { return {false, src, {}}; }
/// `c` run in a workspace with the files `files` adds.
inline TestCase WithFiles(void (*files)(MemoryFileSystem&), TestCase c) {
  c.add_files = files;
  return c;
}
/// `c` run under the configuration `configure` sets up.
inline TestCase WithConfig(void (*configure)(Config&), TestCase c) {
  c.configure = configure;
  return c;
}
namespace crules {
/// Inline test case `c` for a Compose file named `path` (rules that look at the file name).
inline TestCase InFile(std::string_view path, TestCase c) {
  c.path = path;
  return c;
}
}  // namespace crules

/// The cases of every rule, by code, filled by the RuleCases objects of the case files while the
/// test binary starts (the one place that uses static registration: the product has no cases).
inline std::map<std::string_view, std::vector<TestCase>>& RegisteredCases() {
  static std::map<std::string_view, std::vector<TestCase>> cases;
  return cases;
}

/// Registers one rule's cases. A code registered twice keeps its first list; the registry test
/// reports the duplicate.
class RuleCases {
 public:
  RuleCases(std::string_view code, std::vector<TestCase> cases) {
    auto [it, inserted] = RegisteredCases().try_emplace(code, std::move(cases));
    if (!inserted) DuplicateCodes().push_back(code);
  }
  static std::vector<std::string_view>& DuplicateCodes() {
    static std::vector<std::string_view> codes;
    return codes;
  }
};

/// The cases registered for `code` (empty if none).
inline const std::vector<TestCase>& CasesFor(std::string_view code) {
  static const std::vector<TestCase> kNone;
  auto it = RegisteredCases().find(code);
  return it == RegisteredCases().end() ? kNone : it->second;
}

}  // namespace shipshape

#endif  // SHIPSHAPE_RULES_CASES_H_
