// What a rule is: metadata (code, name, severity, category, aliases, docs), a pure check function
// over one model, and inline test cases. Rules report through RuleContext; they never do I/O.
//
// Each rule lives in its own file under rules/{dockerfile,compose,context}/ and is listed once in
// rules/registry.cc.
#ifndef SHIPSHAPE_RULES_RULE_H_
#define SHIPSHAPE_RULES_RULE_H_

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"
#include "core/source.h"

namespace shipshape {

namespace dockerfile { struct Dockerfile; }
namespace compose { struct ComposeFile; }
namespace runtime { struct Container; }
struct Workspace;
class MemoryFileSystem;

enum class FixAvailability : uint8_t { kNone, kSometimes, kAlways };
/// kNotApplicable: an entry of a peer tool's catalogue that shipshape deliberately does not check
/// (it needs a built image, a registry or the network); listed so `rules` accounts for every
/// catalogue entry, with the reason in its docs. It has no check and never runs.
enum class Status : uint8_t { kStable, kPreview, kDeprecated, kRemoved, kNotApplicable };
enum class Target : uint8_t { kDockerfile, kCompose, kContext, kRuntime };

/// The same check in another tool. `tool` is one of: hadolint, buildkit, cis, trivy, checkov,
/// kics, dockle, dclint, parfum, shellcheck.
struct Alias {
  std::string_view tool;
  std::string_view id;
};

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

class RuleContext;
using DockerfileCheck = void (*)(const dockerfile::Dockerfile&, RuleContext&);
using ComposeCheck = void (*)(const compose::ComposeFile&, RuleContext&);
/// Context rules see one file (the `.dockerignore`, `.env`, entrypoint script, or the directory's
/// Dockerfile/compose file) plus the workspace around it.
using ContextCheck = void (*)(const SourceFile&, RuleContext&);
/// Runtime rules see one container from `docker inspect` (or the Engine API).
using RuntimeCheck = void (*)(const runtime::Container&, RuleContext&);

struct Rule {
  /// DFxxx (Dockerfile), DCxxx (Compose), DXxxx (context files), DRxxx (running containers).
  std::string_view code;
  std::string_view name;  ///< kebab-case, names the bad pattern.
  std::string_view summary;  ///< One line, for `rules` listings.
  Target target = Target::kDockerfile;
  Severity severity = Severity::kWarning;
  Category category = Category::kMaintainability;
  FixAvailability fix = FixAvailability::kNone;
  Status status = Status::kStable;
  std::vector<Alias> aliases;
  DockerfileCheck check_dockerfile = nullptr;
  ComposeCheck check_compose = nullptr;
  ContextCheck check_context = nullptr;
  RuntimeCheck check_runtime = nullptr;
  /// Markdown with the headings: What it does / Why is this bad / Example / Use instead /
  /// Fix safety / References.
  std::string_view docs;
  std::vector<TestCase> cases;

  bool HasAlias(std::string_view id) const {
    for (const Alias& a : aliases)
      if (a.id == id) return true;
    return false;
  }
  /// True if `code_or_alias` names this rule (its code, its name, or any alias id).
  bool Matches(std::string_view code_or_alias) const {
    return code_or_alias == code || code_or_alias == name || HasAlias(code_or_alias);
  }
};

class DiagnosticBuilder {
 public:
  explicit DiagnosticBuilder(Diagnostic* d) : d_(d) {}
  DiagnosticBuilder& WithFix(std::string title, Applicability a, std::vector<Edit> edits);
  DiagnosticBuilder& WithFix(Fix fix);
  /// Marks a byte range as a secret value: masked in every output.
  DiagnosticBuilder& Redact(TextRange r);
  DiagnosticBuilder& Related(std::string what);
  Diagnostic& diagnostic() { return *d_; }

 private:
  Diagnostic* d_;
};

/// Views derived from one file that several rules read (e.g. the RUN analysis), built on first
/// use and shared by every rule linting that file, so each is computed once per file instead of
/// once per rule. One cache serves one file; it is not thread-safe (files lint in parallel, rules of
/// one file do not).
class FileCache {
 public:
  /// The `T` built from `arg`; the first call builds it. Every call on one cache must pass the
  /// same `arg` (the file's model).
  template <class T, class Arg>
  const T& Get(const Arg& arg) {
    std::shared_ptr<void>& slot = slots_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>(arg);
    return *static_cast<const T*>(slot.get());
  }

 private:
  std::unordered_map<std::type_index, std::shared_ptr<void>> slots_;
};

class RuleContext {
 public:
  /// `cache`: shared by the rules linting this file; null gives the context a private one.
  RuleContext(const Rule& rule, const SourceFile& file, const Config& config,
              const Workspace* workspace, std::vector<Diagnostic>* out, FileCache* cache = nullptr)
      : rule_(rule), file_(file), config_(config), workspace_(workspace), out_(out),
        cache_(cache) {}

  DiagnosticBuilder Report(TextRange range, std::string message);
  const Rule& rule() const { return rule_; }
  const SourceFile& file() const { return file_; }
  std::string_view source() const { return file_.text; }
  const Config& config() const { return config_; }
  /// May be null (inline tests of single files).
  const Workspace* workspace() const { return workspace_; }
  FileCache& cache() {
    if (!cache_) {
      owned_cache_ = std::make_unique<FileCache>();
      cache_ = owned_cache_.get();
    }
    return *cache_;
  }

 private:
  const Rule& rule_;
  const SourceFile& file_;
  const Config& config_;
  const Workspace* workspace_;
  std::vector<Diagnostic>* out_;
  FileCache* cache_;
  std::unique_ptr<FileCache> owned_cache_;
};

}  // namespace shipshape

#endif  // SHIPSHAPE_RULES_RULE_H_
