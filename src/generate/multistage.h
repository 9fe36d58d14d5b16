// Restructures a single-stage Dockerfile that ships its build tools into a build stage plus a slim
// runtime stage (DF115's unsafe fix), for the stacks whose artefacts are known: a Go binary
// (`go build -o X`), a Java jar (`java -jar X` after mvn/gradle), a Node build served by a static
// file server (moved to nginx) or a Node server (node_modules pruned of dev dependencies), and a
// Python app whose packages needed compilers (installed into a venv that the slim image copies).
// Refuses, with the reason, whatever it cannot carry over safely.
#ifndef SHIPSHAPE_GENERATE_MULTISTAGE_H_
#define SHIPSHAPE_GENERATE_MULTISTAGE_H_

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "dockerfile/dockerfile.h"

namespace shipshape::generate {

struct MultiStage {
  std::vector<Edit> edits;  ///< Empty when refused.
  std::string what;         ///< "Go binary /out/app on distroless", for the fix title.
  std::string refuse;       ///< Why not, when refused.
};

/// The rewrite of `df` (which must be parsed without errors).
MultiStage SplitBuildStage(const dockerfile::Dockerfile& df);

}  // namespace shipshape::generate

#endif  // SHIPSHAPE_GENERATE_MULTISTAGE_H_
