// The Compose project model's link from a service to the image it builds: service -> `build:`
// (context, dockerfile or dockerfile_inline, target) -> the Dockerfile's model -> the stage the
// build produces. Rules that ask what a built service's image contains (its HEALTHCHECK, USER,
// EXPOSE...) query this instead of reading and scanning the Dockerfile themselves.
#ifndef SHIPSHAPE_MODELS_COMPOSE_BUILD_H_
#define SHIPSHAPE_MODELS_COMPOSE_BUILD_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "compose/compose.h"
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"

namespace shipshape::models {

/// A built service's image as its Dockerfile describes it.
struct BuiltImage {
  std::unique_ptr<dockerfile::Dockerfile> dockerfile;
  /// The `target:` stage, or the last stage; never null in a returned BuiltImage.
  const dockerfile::Stage* stage = nullptr;
  /// Workspace path of the Dockerfile; empty for `dockerfile_inline`.
  std::string path;
};

/// The image `build` (of a Compose file at `compose_path`) produces. nullopt when it cannot be
/// known: a context, dockerfile or target that depends on an unset variable, no workspace or an
/// unreadable Dockerfile (not needed for `dockerfile_inline`), a `target:` naming no stage.
std::optional<BuiltImage> BuiltImageOf(const Workspace* ws, std::string_view compose_path,
                                       const compose::Build& build);

}  // namespace shipshape::models

#endif  // SHIPSHAPE_MODELS_COMPOSE_BUILD_H_
