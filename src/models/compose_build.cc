#include "models/compose_build.h"

#include "models/dockerfile_stages.h"

namespace shipshape::models {

std::optional<BuiltImage> BuiltImageOf(const Workspace* ws, std::string_view compose_path,
                                       const compose::Build& b) {
  if (b.target.present() && !b.target.known) return std::nullopt;
  BuiltImage out;
  std::optional<std::string> text;
  if (b.dockerfile_inline.present()) {
    if (!b.dockerfile_inline.known) return std::nullopt;
    text = b.dockerfile_inline.text;
  } else {
    if (!ws || !ws->fs || (b.context.present() && !b.context.known) ||
        (b.dockerfile.present() && !b.dockerfile.known))
      return std::nullopt;
    const std::string context = JoinPath(DirName(compose_path), b.context.present() ? b.context.text : ".");
    out.path = JoinPath(context, b.dockerfile.present() ? b.dockerfile.text : "Dockerfile");
    text = ws->fs->Read(out.path, 1 << 20);
    if (!text) return std::nullopt;
  }
  out.dockerfile = dockerfile::Parse(*text);
  if (!out.dockerfile) return std::nullopt;
  out.stage = TargetStage(*out.dockerfile, b.target.present() ? b.target.text : "");
  if (!out.stage) return std::nullopt;
  return out;
}

}  // namespace shipshape::models
