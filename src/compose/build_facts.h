// What a Compose service's own build says about the image it makes (issue 17 §2): the Dockerfile
// of its `build:` (the stage named by `target`, else the final stage, with the stages it builds
// on), read through the workspace's FileSystem. The Compose rules use these facts where the
// known-images table cannot help (an image built from local sources): which port the app listens
// on, whether a probe tool (curl, wget) is in the image and which health endpoint the app serves,
// which user it runs as, whether it starts as root to drop privileges, the image's own VOLUMEs,
// and the known base image it extends (`FROM nginx` keeps nginx's facts).
//
// Principle: facts are read, never guessed. Every fact the rules need but cannot find is named in
// `missing` or by the accessors, so a finding can say what is missing instead of inventing it.
// Pure: no I/O other than through the FileSystem it is given; no globals.
#ifndef SHIPSHAPE_COMPOSE_BUILD_FACTS_H_
#define SHIPSHAPE_COMPOSE_BUILD_FACTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compose/compose.h"
#include "compose/known_images.h"
#include "core/workspace.h"

namespace shipshape::compose {

/// A probe tool present in the image, and how shipshape knows.
struct ProbeTool {
  std::string name;  ///< "curl" or "wget"; empty when neither is known to be present.
  std::string why;   ///< "installed by a RUN", "busybox in an alpine base"...
};

struct BuildFacts {
  /// Empty when the Dockerfile was read; else why not (context outside the scan, Dockerfile
  /// missing, path from an unset variable...). Every other field is then empty.
  std::string missing;
  /// Workspace path of the Dockerfile read ("" for `dockerfile_inline`).
  std::string dockerfile;
  /// Workspace path of the build context directory.
  std::string context;
  /// The external image the stage chain starts from, after global ARG defaults ("" for scratch
  /// or a reference that depends on a build argument without default).
  std::string base;
  bool from_scratch = false;
  /// The known-images entry of `base`, or nullptr.
  const KnownImage* base_image = nullptr;
  /// True when the chain sets ENTRYPOINT or CMD itself (the base's process is replaced).
  bool own_process = false;
  /// TCP ports of EXPOSE in the chain (numbers only; `${PORT}` without default is skipped).
  std::vector<int> expose;
  /// The last USER in the chain ("" when none is written: the base's user applies).
  std::string user;
  bool healthcheck = false;       ///< A HEALTHCHECK with a command in the chain (last one wins).
  bool healthcheck_none = false;  ///< The last HEALTHCHECK is `NONE`.
  /// VOLUME paths of the chain (absolute, as written after ARG/ENV defaults).
  std::vector<std::string> volumes;
  /// A RUN, ENTRYPOINT or CMD of the chain, or the entrypoint script copied from the context,
  /// steps down with gosu, su-exec, setpriv, runuser, s6-setuidgid, chpst or `su -c`.
  bool drops_privileges = false;
  /// A RUN of the chain gives a binary file capabilities (`setcap`): a non-root process may use them.
  bool sets_file_caps = false;
  /// Workspace path of the entrypoint script found in the context ("" if none or not read).
  std::string entrypoint_script;
  ProbeTool probe_tool;
  /// The app's health endpoint found in its sources (`/healthz`, `/health`...), with the file
  /// that declares it; empty if none was found or FindHealthPath was not run.
  std::string health_path, health_path_source;

  bool read() const { return missing.empty(); }
  /// True when the image runs its process as root: USER root/0, or no USER over a base that runs
  /// as root (a known root base, or an unknown one: false then, see RootUnknown).
  bool RunsAsRoot() const;
  /// True when the user cannot be known: no USER here and the base image is not in the table.
  bool RootUnknown() const;
  /// The one port the app listens on: the single EXPOSEd port, or the one of several that the
  /// service publishes (`ports:` targets). 0 when none or ambiguous; `why_not` says which.
  int ListenPort(const Service& s, std::string* why_not) const;
  /// The known base's facts still describe this image: the base is in the table and the
  /// Dockerfile keeps its process (no ENTRYPOINT/CMD of its own) and its user.
  bool KeepsBaseProcess() const { return base_image && !own_process && user.empty(); }
};

/// Reads the facts of `build` for a Compose file at workspace path `compose_path`. `fs` may be
/// null (no workspace): the facts then say so in `missing`.
BuildFacts ReadBuildFacts(const FileSystem* fs, std::string_view compose_path, const Build& build);

/// Fills `facts->health_path` from the build context's sources: Spring Boot's actuator in a
/// build manifest, else the first of `/healthz`, `/health`, `/healthcheck`, `/api/health`, `/ping`,
/// `/livez`, `/readyz` quoted in a source file (at most 400 files, 3 levels deep, tests and
/// dependency directories skipped). Separate from ReadBuildFacts: only the healthcheck needs it.
void FindHealthPath(const FileSystem& fs, BuildFacts* facts);

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_BUILD_FACTS_H_
