// The fix engine: splice non-overlapping fixes into a buffer, then re-parse and re-lint until
// nothing changes (at most 100 passes). A pass that introduces a parse error is rolled back and the
// rules involved are named. Pure: works on strings; the CLI does the atomic writes.
#ifndef SHIPSHAPE_FIX_FIXER_H_
#define SHIPSHAPE_FIX_FIXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "lint/linter.h"

namespace shipshape {

/// Applies the fixes of `diags` whose applicability is at least `min`, in order of their first
/// edit (then rule code), skipping any that would overlap or touch an edit already taken, or whose
/// isolation group was already used. Writes the result to `out`; returns the applied diagnostics.
std::vector<const Diagnostic*> ApplyFixes(std::string_view text,
                                          const std::vector<Diagnostic>& diags,
                                          Applicability min, std::string* out);

struct FixOutcome {
  std::string text;           ///< The fixed text (== input when nothing applied).
  size_t found = 0;           ///< Diagnostics before fixing.
  size_t fixed = 0;           ///< Fixes applied over all passes.
  int passes = 0;
  bool converged = true;      ///< False when 100 passes did not reach a fixpoint.
  bool unparsable = false;    ///< The input had a syntax error: never written.
  std::vector<std::string> rolled_back;  ///< Rules whose fixes broke the parse (reverted).
  std::vector<Fix::FileWrite> file_writes;  ///< Side files the applied fixes create or extend.
  std::vector<Diagnostic> remaining;        ///< Diagnostics after the last pass.
  /// Fixes applied per rule: (code, name, count), sorted by code. Sums to `fixed`.
  struct RuleFixes {
    std::string code;
    std::string name;
    size_t count = 0;
  };
  std::vector<RuleFixes> fixed_by_rule;
  /// The edits applied, pass by pass, each in the coordinates of that pass's input text and in
  /// the order they were spliced, with the code of the rule whose fix it was. Lets a caller map
  /// every changed byte back to the rule that changed it (the corpus invariant test does).
  struct AppliedEdit {
    Edit edit;
    std::string code;
  };
  std::vector<std::vector<AppliedEdit>> pass_edits;
};

/// Lints and fixes `file` to a fixpoint. `file.text` is not modified.
FixOutcome FixToFixpoint(const SourceFile& file, const LintOptions& opts, Applicability min);

/// True if `diags` holds a syntax error (a rule of category correctness at error level that
/// comes from the parser).
bool HasParseError(const std::vector<Diagnostic>& diags);

}  // namespace shipshape

#endif  // SHIPSHAPE_FIX_FIXER_H_
