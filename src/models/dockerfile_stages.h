// The stage model of a Dockerfile as rules query it: which stages a stage builds on, what its
// image inherits from them, which stage a build produces (`--target`), and that image's
// HEALTHCHECK. Built on the parser's DockerfileModel; no text scanning.
//
// Moved out of the rules/util.h grab-bag (issue 15) so that the Compose rules and the Dockerfile
// rules read one model: before, ImageHasHealthcheck scanned a service's Dockerfile for the word
// "healthcheck" line by line (comments, builder stages and `--target` included).
#ifndef SHIPSHAPE_MODELS_DOCKERFILE_STAGES_H_
#define SHIPSHAPE_MODELS_DOCKERFILE_STAGES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "dockerfile/dockerfile.h"

namespace shipshape::models {

/// The last instruction of `kind` in `stage`, or nullptr.
const dockerfile::Instruction* LastOf(const dockerfile::Stage& stage, dockerfile::Keyword kind);

/// True for the `scratch` pseudo-image (any letter case).
bool IsScratch(std::string_view image);

/// The in-file ancestors of `stage` (stages it builds FROM), outermost first, ending with `stage`.
std::vector<const dockerfile::Stage*> StageChain(const dockerfile::Dockerfile& df,
                                                 const dockerfile::Stage& stage);
/// The outermost stage of `stage`'s chain: the one whose base is an image or scratch.
const dockerfile::Stage& RootStage(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);
/// True when the chain of `stage` starts FROM scratch (after global ARG defaults).
bool ChainFromScratch(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);
/// The last instruction of `kind` over the whole chain of `stage` (ancestors included).
const dockerfile::Instruction* LastInChain(const dockerfile::Dockerfile& df,
                                           const dockerfile::Stage& stage, dockerfile::Keyword kind);
/// The stage whose instructions contain `ins` (top level), or nullptr (global ARGs).
const dockerfile::Stage* StageOf(const dockerfile::Dockerfile& df, const dockerfile::Instruction* ins);

/// The stage a build produces: the one named `target` (ASCII case ignored), or the last stage
/// when `target` is empty. nullptr when `target` names no stage or the file has none.
const dockerfile::Stage* TargetStage(const dockerfile::Dockerfile& df, std::string_view target = {});

/// The HEALTHCHECK an image built from a stage carries, as far as the Dockerfile says.
enum class ImageHealthcheck : uint8_t {
  kDefined,   ///< A HEALTHCHECK with a command over the stage's in-file chain.
  kDisabled,  ///< `HEALTHCHECK NONE` is the last one.
  kInherited, ///< None in the file: the external base image's own (if any) applies.
};
/// The last HEALTHCHECK over `stage`'s in-file chain, read from the parser's model.
ImageHealthcheck StageHealthcheck(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);

}  // namespace shipshape::models

#endif  // SHIPSHAPE_MODELS_DOCKERFILE_STAGES_H_
