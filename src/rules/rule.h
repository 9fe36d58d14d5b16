// What a rule is: constant-initialised metadata (code, name, severity, category, aliases, docs)
// and a pure check function over one model. Rules report through RuleContext; they never do I/O.
//
// Each rule lives in its own file under rules/{dockerfile,compose,context,runtime}/ as
// `extern constinit const Rule kName{...}` and is listed once in rules/rules.def. Its test cases
// live in the sibling `*_test.cc` (rules/cases.h), compiled into the test binary only.
#ifndef SHIPSHAPE_RULES_RULE_H_
#define SHIPSHAPE_RULES_RULE_H_

#include <cstdlib>
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

/// A rule's aliases, as a fixed-capacity list so that a Rule is constant-initialised (no heap, no
/// static-initialisation order). More than kCapacity aliases fails to compile (the rule
/// definitions are `constinit`).
class AliasList {
 public:
  static constexpr size_t kCapacity = 8;
  constexpr AliasList() = default;
  constexpr AliasList(std::initializer_list<Alias> aliases) {
    for (const Alias& a : aliases) {
      if (size_ == kCapacity) std::abort();  // not a constant expression: a compile error
      items_[size_++] = a;
    }
  }
  constexpr const Alias* begin() const { return items_; }
  constexpr const Alias* end() const { return items_ + size_; }
  constexpr size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const Alias& operator[](size_t i) const { return items_[i]; }

 private:
  Alias items_[kCapacity] = {};
  size_t size_ = 0;
};

/// The fix a rule's docs page shows ("Example fix"): fixing `before` (a file named `path`, default
/// by target) at unsafe level gives exactly `after`. Documentation, not a test: the test driver
/// checks that it is one of the rule's Bad cases, whose cases live in the test binary only.
struct FixExample {
  std::string_view path = {};
  std::string_view before = {};
  std::string_view after = {};
};

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
  /// Dockerfile rules check what ONBUILD wraps as they check the instruction itself (hadolint's
  /// model); the test driver runs every case with its RUN lines as `ONBUILD RUN` and expects the
  /// same findings. True for a rule that deliberately leaves ONBUILD triggers alone (e.g. the
  /// child image's SHELL is unknown). Rules of other targets never see ONBUILD.
  bool skips_onbuild = false;
  AliasList aliases = {};
  DockerfileCheck check_dockerfile = nullptr;
  ComposeCheck check_compose = nullptr;
  ContextCheck check_context = nullptr;
  RuntimeCheck check_runtime = nullptr;
  /// Shown on the docs page; empty when the rule has no fix (or its fixes write another file).
  FixExample fix_example = {};
  /// Markdown with the headings: What it does / Why is this bad / Example / Use instead /
  /// Fix safety / References.
  std::string_view docs;

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
