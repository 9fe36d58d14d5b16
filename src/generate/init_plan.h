// What `shipshape init` writes, as a pure plan over the FileSystem interface: for each detected
// component without a Dockerfile, a Dockerfile (generate/dockerfile_gen.h) and a .dockerignore
// (generate/dockerignore.h); with `compose`, the services added to the directory's Compose file
// (or a new compose.yaml) and the variables they need appended to `.env.example`. Existing files
// are never replaced: a Dockerfile or .dockerignore already there is left alone, a Compose file
// only gains services, `.env.example` only gains lines. The CLI (cli/init_cmd.cc) and the fixes of
// DX030 and DC005 carry the plan out.
#ifndef SHIPSHAPE_GENERATE_INIT_PLAN_H_
#define SHIPSHAPE_GENERATE_INIT_PLAN_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compose/compose.h"
#include "compose/edit.h"
#include "core/workspace.h"
#include "generate/detect.h"

namespace shipshape::generate {

struct PlannedFile {
  std::string path;     ///< Relative to the plan's root (normalized).
  std::string content;  ///< Whole new content; for `append`, the lines to add.
  bool append = false;  ///< Merge into an existing file (`.env.example`).
  bool replace = false; ///< An existing file gains content (a Compose file gets services).
  std::string before;   ///< For `replace`: the current content.
};

struct InitOptions {
  bool compose = false;  ///< Add Compose services (and .env.example lines).
  int depth = 2;         ///< How deep below the root to look for components.
};

struct InitPlan {
  std::vector<Component> components;  ///< Every component found, with or without a Dockerfile.
  std::vector<PlannedFile> files;
  std::vector<std::string> notes;     ///< Human-readable lines (what was skipped and why).
};

/// The plan for `root` in `fs`.
InitPlan PlanInit(const FileSystem& fs, std::string_view root, const InitOptions& opts);

/// The files that containerize one component `c` (Dockerfile, .dockerignore), paths relative to
/// `c.dir`, skipping any that exist. `dockerfile_name` names the Dockerfile ("Dockerfile",
/// "Dockerfile.backup").
std::vector<PlannedFile> ComponentFiles(const FileSystem& fs, const Component& c,
                                        std::string_view dockerfile_name = "Dockerfile");

/// A Compose service name for the component ("frontend", "api", the project name at the root).
std::string ServiceName(const Component& c);

/// Services for `comps` to add to a Compose file in directory `root` (`model` parsed from `text`;
/// null for a new file). Components some service already builds are skipped (noted).
struct ComposeAddition {
  std::vector<std::pair<std::string, compose::edit::YamlValue>> values;  ///< name -> definition
  std::vector<std::string> services;  ///< Names, in order.
  std::optional<Edit> edit;           ///< The insertion into `text` (existing files only).
  std::string env_lines;              ///< `.env.example` lines for variables not yet documented.
  std::vector<std::string> notes;
};
ComposeAddition AddServices(std::string_view text, const compose::ComposeFile* model,
                            const std::string& root, const std::vector<const Component*>& comps,
                            const std::set<std::string>& documented);

/// Names set or mentioned (`# NAME=`) in an env template's text.
std::set<std::string> Documented(std::string_view text);

/// Lines for `.env.example` documenting `vars` (each `NAME=`), under a comment naming `who`.
std::string EnvExampleLines(const std::vector<std::string>& vars, std::string_view who);

}  // namespace shipshape::generate

#endif  // SHIPSHAPE_GENERATE_INIT_PLAN_H_
