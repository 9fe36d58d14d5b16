// Is a YAML file that is not named like a Compose file one anyway? Discovery (and the language
// server) ask this of every `*.yml`/`*.yaml` they meet, so it must say no to the many other YAML
// files that have a `services:` key: Render blueprints (`render.yaml`: a list of services),
// Kubernetes manifests, GitHub workflows, Helm values. Judged by content, never by running or
// fully parsing anything.
#ifndef SHIPSHAPE_COMPOSE_DETECT_H_
#define SHIPSHAPE_COMPOSE_DETECT_H_

#include <string_view>

namespace shipshape::compose {

/// True when `text` reads as a Compose file: a top-level `services:` whose value is a mapping
/// (block or flow), and every top-level key one the Compose specification defines (`version`,
/// `name`, `services`, `networks`, `volumes`, `secrets`, `configs`, `include`, `x-*`). A
/// `services:` list (Render), `apiVersion`/`kind` (Kubernetes), `on`/`jobs` (GitHub Actions) or
/// any other top-level key means another format.
bool LooksLikeComposeContent(std::string_view text);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_DETECT_H_
