// The lint driver for one running container: the enabled runtime (DRxxx) rules over a Container
// model, with label suppressions, Compose `related` entries and config severities. `shipshape
// inspect` (runtime/inspect.h) runs it per container; the inline rule tests run it per case.
#ifndef SHIPSHAPE_LINT_CONTAINER_LINT_H_
#define SHIPSHAPE_LINT_CONTAINER_LINT_H_

#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/source.h"
#include "lint/linter.h"
#include "runtime/container.h"

namespace shipshape::runtime {

/// Runs the enabled runtime rules over one container whose JSON text is `file`: label
/// suppressions, Compose `related` entries and config severities applied, sorted by (start,
/// code). `opts.only` runs that single rule (inline rule tests). Pure.
std::vector<Diagnostic> LintContainer(const Container& container, const SourceFile& file,
                                      const LintOptions& opts);

/// The label that lists rules to silence for one container.
inline constexpr std::string_view kIgnoreLabel = "shipshape.ignore";

}  // namespace shipshape::runtime

#endif  // SHIPSHAPE_LINT_CONTAINER_LINT_H_
