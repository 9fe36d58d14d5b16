// How runtime (DRxxx) rules word a finding: the problem, then the remedy for how the container
// was created. A container started by Compose is fixed in its Compose file, so the remedy names
// the Compose key, the service and the file ("set `read_only: true` on service `web` in
// /srv/app/compose.yaml"); any other container is fixed on the `docker run` command line, or live
// with `docker update` where the engine allows it. Pure.
#ifndef SHIPSHAPE_RUNTIME_FINDING_H_
#define SHIPSHAPE_RUNTIME_FINDING_H_

#include <string>
#include <string_view>

#include "rules/rule.h"
#include "runtime/container.h"

namespace shipshape::runtime {

struct Remedy {
  /// For a container not started by Compose, e.g. "recreate it with `--read-only`".
  std::string run;
  /// The Compose change, e.g. "set `read_only: true`"; " on service `web` in <file>" is appended.
  std::string compose;
};

/// "<problem>; <remedy>" for `c` (see the file comment). An empty remedy leaves the problem alone.
std::string WithRemedy(const Container& c, std::string problem, const Remedy& remedy);

/// Reports `problem` at `pointer` (see Container::Locate) with the remedy for `c`.
DiagnosticBuilder ReportAt(RuleContext& ctx, const Container& c, std::string_view pointer,
                           std::string problem, const Remedy& remedy);

/// The Compose files of `c` for messages: "/a/compose.yaml" or "/a/compose.yaml or /a/b.yaml",
/// or "its Compose file" when the label is missing.
std::string ComposeFilesText(const Container& c);

/// `s` in backquotes for a message, with backquotes inside replaced by '.
std::string Quote(std::string_view s);

}  // namespace shipshape::runtime

#endif  // SHIPSHAPE_RUNTIME_FINDING_H_
