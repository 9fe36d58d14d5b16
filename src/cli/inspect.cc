// `shipshape inspect`: audit running containers from docker inspect JSON or the Engine API.
#include <cstdio>
#include <cstdlib>

#include "cli/command.h"
#include "runtime/engine.h"
#include "runtime/inspect.h"

namespace shipshape::cli {
namespace {

/// The largest docker inspect document `inspect` reads: parsing and checking take 13 to 34 times
/// the input in memory (8 MiB of a Compose stack's containers, 1,432 of them, peaked at 110 MB),
/// so this bounds a run near 1 GiB at worst.
constexpr size_t kMaxInspectInput = 32u << 20;

std::string InspectTooLarge(const std::string& what) {
  return what + ": docker inspect input larger than " + std::to_string(kMaxInspectInput >> 20) +
         " MiB (the limit keeps memory bounded; inspect fewer containers at a time)";
}

}  // namespace

int RunInspect(const Options& o) {
  Config config;
  std::string note;
  if (!MakeConfig(o, &config, &note) || !ValidateFormats(o)) return kExitError;
  if (o.paths.size() > 1) {
    Err("inspect takes one docker inspect JSON file (or - for stdin)");
    return kExitError;
  }
  Result<runtime::Inspection> result = Error{};
  if (o.paths.empty()) {
    runtime::EngineOptions engine;
    engine.host = o.host.empty() ? runtime::DockerHostFromEnv(std::getenv("DOCKER_HOST")) : o.host;
    result = runtime::InspectFromEngine(engine, config);
  } else {
    std::string text, reason;
    const std::string& path = o.paths[0];
    if (path == "-") {
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
        text.append(buf, n);
        if (text.size() > kMaxInspectInput) {
          Err(InspectTooLarge("stdin"));
          return kExitError;
        }
      }
    } else {
      uint32_t mode = 0;
      if (!LoadFile(path, kMaxInspectInput, &text, &mode, &reason)) {
        Err(reason.find("too large") != std::string::npos
                ? InspectTooLarge(path)
                : path + ": " + (reason.rfind("skipped: ", 0) == 0 ? reason.substr(9) : reason));
        return kExitError;
      }
    }
    result = runtime::InspectFromJson(text, config, path == "-" ? "stdin" : path);
  }
  if (!result.ok()) {
    Err(result.error().message);
    return kExitError;
  }
  ScanRoots roots;
  AddWorkingRepository(&roots);
  if (!EmitReport(o, result->report, roots)) return kExitError;
  return ExitFor(result->report, config);
}
}  // namespace shipshape::cli
