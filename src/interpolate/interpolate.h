// Compose variable interpolation, as docker compose (compose-go `template`) does it:
// `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`, `${VAR:+a}`, `${VAR+a}`,
// `$$` for a literal `$`, and nested templates inside defaults/alternatives (`${A:-${B}}`).
//
// A linter does not know the user's shell: a variable missing from the lookup (the `.env` file,
// `--env-file`, an explicit environment) is *unset* for computing the value, and any part of the
// result that depended on it without a fallback makes the result "unknown" rather than pass/fail.
#ifndef SHIPSHAPE_INTERPOLATE_INTERPOLATE_H_
#define SHIPSHAPE_INTERPOLATE_INTERPOLATE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"

namespace shipshape::compose {

/// Returns the value of a variable, or nullopt if it is not set.
using VarLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// A lookup over a fixed map (e.g. parsed `.env`). The map must outlive the lookup.
VarLookup MapLookup(const std::map<std::string, std::string, std::less<>>* vars);

struct InterpolationError {
  enum class Kind : uint8_t {
    kInvalidTemplate,  ///< `${` that does not parse (`${}`, `${VAR/x/y}`, unterminated): Compose rejects the file.
    kRequiredUnset,    ///< `${VAR:?msg}` / `${VAR?msg}` with VAR not in the lookup.
  };
  Kind kind = Kind::kInvalidTemplate;
  std::string message;  ///< For kRequiredUnset: the user's message (or a default one).
  std::string variable;
  TextRange range;      ///< Byte range within the interpolated string (the whole `${...}`).
};

struct Interpolated {
  std::string value;  ///< The result, unset variables replaced as Compose would (by "").
  /// False when the result depends on a variable missing from the lookup with no default.
  bool known = true;
  bool has_variables = false;           ///< Any `$VAR` / `${...}` reference at all.
  std::vector<std::string> variables;   ///< Every referenced name, first-use order, unique.
  std::vector<std::string> unknown;     ///< Unset names that made the result unknown.
  std::vector<InterpolationError> errors;
  bool ok() const { return errors.empty(); }
};

/// Interpolates `input`. Never throws.
Interpolated Interpolate(std::string_view input, const VarLookup& lookup);

/// Fast pre-check: false if `input` has no `$` at all (nothing to do).
inline bool MayNeedInterpolation(std::string_view input) {
  return input.find('$') != std::string_view::npos;
}

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_INTERPOLATE_INTERPOLATE_H_
