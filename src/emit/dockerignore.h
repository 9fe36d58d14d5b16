// Generates a `.dockerignore` for a build context directory, tailored to the stacks detected there
// (see generate/stack.h). Used where a Dockerfile has no `.dockerignore` beside it (the Dockerfile
// rule's fix writes it as a Fix::FileWrite) and by `shipshape generate`.
#ifndef SHIPSHAPE_EMIT_DOCKERIGNORE_H_
#define SHIPSHAPE_EMIT_DOCKERIGNORE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/workspace.h"
#include "generate/stack.h"

namespace shipshape::generate {

/// The entries of IgnoreCatalog() that apply to `dir`, in catalog order: the always-on ones (VCS,
/// env files with `!.env.example`, private keys, editor/OS junk, logs, Compose files), the ones of
/// every detected stack and the presence-only ones whose directory exists. Entries that would hide
/// a path a Dockerfile in `dir` explicitly COPYs/ADDs/bind-mounts are dropped (a Maven Dockerfile
/// doing `COPY target/app.jar` keeps `target` in the context).
std::vector<const IgnoreEntry*> DockerignoreEntries(const Workspace& ws, std::string_view dir);

/// Contents of a `.dockerignore` for the build context `dir` (a path as the workspace's file
/// system understands it): a header naming the detected stacks, then one commented section per
/// group. Never excludes the Dockerfile or `.dockerignore`. Deterministic: depends only on the
/// names in `dir` and the Dockerfiles there. Works without `ws.fs` (then nothing is detected and
/// only the always-on sections are written).
std::string GenerateDockerignore(const Workspace& ws, std::string_view dir);

}  // namespace shipshape::generate

#endif  // SHIPSHAPE_EMIT_DOCKERIGNORE_H_
