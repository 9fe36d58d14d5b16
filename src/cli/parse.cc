// `shipshape parse --dump=buildkit FILE`: BuildKit's AST dump of a Dockerfile.
#include "cli/command.h"
#include "core/line_index.h"
#include "dockerfile/dockerfile.h"

namespace shipshape::cli {

int RunParse(const Options& o) {
  if (o.paths.size() != 1) {
    Err("parse takes exactly one Dockerfile");
    return kExitError;
  }
  if (!o.dump.empty() && o.dump != "buildkit") {
    Err("--dump takes buildkit");
    return kExitError;
  }
  std::string text, reason;
  uint32_t mode = 0;
  if (!LoadFile(o.paths[0], o.max_file_size, &text, &mode, &reason)) {
    Err(o.paths[0] + ": " + (reason.rfind("skipped: ", 0) == 0 ? reason.substr(9) : reason));
    return kExitError;
  }
  auto df = dockerfile::Parse(text);
  if (!df->ok()) {
    LineIndex lines(text);
    for (const dockerfile::SyntaxError& e : df->errors) {
      SourceLocation loc = lines.Locate(e.range.start);
      ErrPrintf( "%s:%u:%u: error: %s\n", o.paths[0].c_str(), loc.line, loc.column,
                   e.message.c_str());
    }
    return kExitFindings;
  }
  std::string dump = DumpBuildkit(*df);
  std::fwrite(dump.data(), 1, dump.size(), stdout);
  return kExitOk;
}
}  // namespace shipshape::cli
