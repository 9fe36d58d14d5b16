// `shipshape inspect`: audit running containers with the runtime (DRxxx) rules.
//
// The CLI calls one of two functions and renders `Inspection::report` with any reporter:
//
//   Result<Inspection> r = runtime::InspectFromJson(text, config);        // `docker inspect`
//   output Result<Inspection> r = runtime::InspectFromEngine(engine_opts, config); // the Engine
//   API socket if (!r.ok()) { print r.error().message; exit with the code for r.error().code; }
//   Render(format, r->report, render_opts, &out, &err);
//
// The report has mode "inspect" and one FileResult per container, path `container:<name>`, whose
// text is that container's pretty-printed inspect JSON: excerpts show the offending key. Files are
// sorted by path and include containers without findings. `Inspection` owns those texts; keep it
// alive while the report is used (it is movable, not copyable).
//
// Compose: a container with com.docker.compose.* labels gets, on every diagnostic, `related`
// entries naming the service ("service web (project app)") and its Compose file(s), and rule
// messages name the Compose key to change ("set `read_only: true` on service `web` in
// /srv/app/compose.yaml"). Line numbers in the Compose file are not given yet.
//
// Suppression: a container label `shipshape.ignore` holding a comma-separated list of rule codes,
// names or aliases (e.g. "DR007,no-cpu-limit") silences those rules for that container; set it
// with Compose `labels:` or `docker run --label`. Config ignore/select/severity apply as usual.
// Runtime rules are stable and run by default; DR014 (image without digest) is preview and runs
// only with config.preview (`inspect --preview`) or when selected (e.g. --select DR014).
#ifndef SHIPSHAPE_RUNTIME_INSPECT_H_
#define SHIPSHAPE_RUNTIME_INSPECT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/result.h"
#include "core/source.h"
#include "report/report.h"
#include "runtime/container.h"
#include "runtime/engine.h"

namespace shipshape::runtime {

/// A finished audit: the report and the container texts and models it refers to.
struct Inspection {
  /// mode "inspect"; files sorted by path; FileResult::file points into `sources`.
  Report report;
  /// One per container, in input order.
  std::vector<std::unique_ptr<SourceFile>> sources;
  /// Parallel to `sources`.
  std::vector<Container> containers;
};

/// Audits the containers in `json` (`docker inspect` output: an array, or one object). `root`
/// becomes Report::root (what was inspected, e.g. "-" or a file name). Errors: those of
/// LoadInspectJson (kParse, kTooLarge).
Result<Inspection> InspectFromJson(std::string_view json, const Config& config,
                                   std::string root = "docker inspect");

/// Audits the containers the engine at `engine.host` runs (see engine.h; the CLI fills
/// `engine.host` from DockerHostFromEnv(getenv("DOCKER_HOST")) or a flag). Report::root is the
/// host. Errors: those of FetchInspectJson, e.g. "cannot connect to the Docker engine at
/// unix:///var/run/docker.sock: No such file or directory" (kNotFound), the unix-only message for
/// tcp:// hosts (kUsage), timeouts (kIo); and of LoadInspectJson.
Result<Inspection> InspectFromEngine(const EngineOptions& engine, const Config& config);

}  // namespace shipshape::runtime

#endif  // SHIPSHAPE_RUNTIME_INSPECT_H_
