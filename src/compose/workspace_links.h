// Links between the files of a workspace that Compose files make: which Dockerfile each `build:`
// uses and from which build context, and which files `extends.file` and `include` pull into a
// project from another directory. Rules on one file need them to know where Docker really reads
// a `.dockerignore` (DF114) and which `.env` interpolates a file (the secret fixes, issue 16).
//
// Computed once per run from every Compose file the workspace loaded (kept in its memo).
#ifndef SHIPSHAPE_COMPOSE_WORKSPACE_LINKS_H_
#define SHIPSHAPE_COMPOSE_WORKSPACE_LINKS_H_

#include <string>
#include <utility>
#include <vector>

#include "core/workspace.h"

namespace shipshape::compose {

/// (dockerfile, context) per `build:` of the workspace's Compose files, both normalized workspace
/// paths. The context is "?" when a variable or a remote URL hides it (the Dockerfile is listed
/// when known anyway: its context cannot be judged).
std::vector<std::pair<std::string, std::string>> BuildContexts(const Workspace& ws);

/// The build contexts of the Dockerfile at `dockerfile` (a workspace path): what Compose's
/// `build.context` says for every service building it, else its own directory. Empty when a
/// variable or remote URL hides one of them (nothing can be judged then).
std::vector<std::string> ContextsOf(const Workspace& ws, const std::string& dockerfile);

/// (directory of the referring Compose file, referenced path) per `extends.file` and `include`
/// path of the workspace's Compose files, normalized.
std::vector<std::pair<std::string, std::string>> ComposeReferences(const Workspace& ws);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_WORKSPACE_LINKS_H_
