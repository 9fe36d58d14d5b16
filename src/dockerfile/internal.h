// Internal to src/dockerfile: the step after parsing that builds stages and semantic checks.
#ifndef SHIPSHAPE_DOCKERFILE_INTERNAL_H_
#define SHIPSHAPE_DOCKERFILE_INTERNAL_H_
#include "dockerfile/dockerfile.h"
namespace shipshape::dockerfile::internal {
/// Fills stages, global_args and semantic_errors from the parsed instructions.
void Analyze(Dockerfile* df);
}  // namespace shipshape::dockerfile::internal
#endif  // SHIPSHAPE_DOCKERFILE_INTERNAL_H_
