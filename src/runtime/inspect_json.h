// Loads `docker inspect` output into runtime::Container models.
//
// Input is what the docker CLI prints for `docker inspect c1 c2 ...` (a JSON array of container
// objects) or what the Engine API returns for `GET /containers/{id}/json` (one object). Each
// container becomes a SourceFile whose text is that container's JSON pretty-printed with 4-space
// indentation in the engine's key order (like the docker CLI), named `container:<name>`; the
// model's JsonRanges point into that text, so every diagnostic lands on the key it is about.
//
// Values in Config.Env are masked ("KEY=****") in that text: reports are shared (CI logs, SARIF
// uploads) and environment variables routinely hold credentials. No rule reads them.
//
// Never throws; malformed input is an Error with code kParse and a message naming line and
// column. Pure: no I/O.
#ifndef SHIPSHAPE_RUNTIME_INSPECT_JSON_H_
#define SHIPSHAPE_RUNTIME_INSPECT_JSON_H_

#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/source.h"
#include "runtime/container.h"

namespace shipshape::runtime {

/// One container from `docker inspect`: its display text and its model (whose ranges point into
/// `file.text`).
struct LoadedContainer {
  SourceFile file;  ///< path "container:<name>" (or the short id), kind kOther.
  Container model;
};

/// Maximum input size (bytes) and JSON nesting depth accepted by LoadInspectJson.
inline constexpr size_t kMaxInspectBytes = 256u << 20;
inline constexpr int kMaxInspectDepth = 64;

/// Parses `docker inspect` JSON. Errors (all code kParse unless noted):
///  - empty input;
///  - malformed JSON: "invalid `docker inspect` JSON: parse error at line L, column C: ...";
///  - nesting deeper than kMaxInspectDepth, or input over kMaxInspectBytes (kTooLarge);
///  - an element that is not a container object, e.g. `docker image inspect` output.
/// An empty array is fine and gives no containers.
Result<std::vector<LoadedContainer>> LoadInspectJson(std::string_view json);

}  // namespace shipshape::runtime

#endif  // SHIPSHAPE_RUNTIME_INSPECT_JSON_H_
