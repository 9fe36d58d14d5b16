// Compose files: load the model and run the Compose rules. Kept apart from linter.cc so the
// Compose model can evolve without touching the Dockerfile path.
#include "lint/linter.h"
#include "lint/internal.h"
#include "rules/registry.h"

namespace shipshape {

void LintCompose(const SourceFile& file, const LintOptions& opts, const Config& config,
                 std::vector<Diagnostic>* out) {
  (void)file;
  (void)opts;
  (void)config;
  (void)out;
  // Wired to compose::Load once the Compose model lands (issue: Compose stacks).
}

}  // namespace shipshape
