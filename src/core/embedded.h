// Files compiled into the binary from data/ and ../shared/reference (see cmake/embed.cmake).
#ifndef SHIPSHAPE_CORE_EMBEDDED_H_
#define SHIPSHAPE_CORE_EMBEDDED_H_
#include <string_view>
namespace shipshape {
/// Contents of the embedded file `name` (e.g. "compose-spec.json"), or empty if unknown.
std::string_view EmbeddedFile(std::string_view name);
}  // namespace shipshape
#endif  // SHIPSHAPE_CORE_EMBEDDED_H_
