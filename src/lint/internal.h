// Internal to src/lint.
#ifndef SHIPSHAPE_LINT_INTERNAL_H_
#define SHIPSHAPE_LINT_INTERNAL_H_
#include <vector>
#include "lint/linter.h"
namespace shipshape {
void LintCompose(const SourceFile& file, const LintOptions& opts, const Config& config,
                 std::vector<Diagnostic>* out);
}  // namespace shipshape
#endif  // SHIPSHAPE_LINT_INTERNAL_H_
