// Writes a hardened Dockerfile for a detected component (generate/detect.h): multi-stage where
// the stack builds something, a base image pinned from the tables, cache mounts for the package
// manager, the manifests copied and installed before the source, a non-root user, exec-form CMD,
// an init where PID 1 would be node or python, and a HEALTHCHECK only when the image has both a
// tool to probe with and a path the framework serves. The header says what a human must check.
#ifndef SHIPSHAPE_GENERATE_DOCKERFILE_GEN_H_
#define SHIPSHAPE_GENERATE_DOCKERFILE_GEN_H_

#include <string>
#include <vector>

#include "generate/detect.h"

namespace shipshape::generate {

/// The Dockerfile text for `c`. Deterministic.
std::string GenerateDockerfile(const Component& c);

/// The health check command (exec form, for Compose `test:` after "CMD") the generated image can
/// run, or empty when none is known.
std::vector<std::string> HealthcheckCommand(const Component& c);

}  // namespace shipshape::generate

#endif  // SHIPSHAPE_GENERATE_DOCKERFILE_GEN_H_
