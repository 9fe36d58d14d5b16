// Runs the rules over one file: parse, report syntax errors, run every enabled rule for the
// file's kind, honour inline suppressions and configuration, sort. Pure apart from reading the
// workspace through its FileSystem interface; safe to call from several threads at once.
#ifndef SHIPSHAPE_LINT_LINTER_H_
#define SHIPSHAPE_LINT_LINTER_H_

#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "core/workspace.h"
#include "rules/rule.h"

namespace shipshape {

struct LintOptions {
  const Config* config = nullptr;
  const Workspace* workspace = nullptr;  ///< May be null.
  /// When set, only this rule runs (inline rule tests); syntax errors are still reported.
  const Rule* only = nullptr;
};

/// Diagnostics for `file`, sorted by (start, code), with config severities applied.
std::vector<Diagnostic> LintFile(const SourceFile& file, const LintOptions& opts);

/// True when `rule` is enabled by `config` (ignored/selected lists, preview status).
bool RuleEnabled(const Rule& rule, const Config& config);

/// Effective severity of `rule` under `config`.
Severity EffectiveSeverity(const Rule& rule, const Config& config);

/// True if the file looks like a Dockerfile by content (a FROM instruction on some line).
bool LooksLikeDockerfile(std::string_view text);
/// True if YAML text looks like a Compose file (a top-level `services:` key).
bool LooksLikeCompose(std::string_view text);

}  // namespace shipshape

#endif  // SHIPSHAPE_LINT_LINTER_H_
