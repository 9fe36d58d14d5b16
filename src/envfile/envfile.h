// Parser for docker compose's dotenv syntax (`.env` and `env_file:` files), following compose-go's
// `dotenv` parser: `KEY=VAL` and `KEY: VAL`, optional `export `, full-line and inline comments
// (an unquoted value's ` #` starts a comment), 'single' (literal) and "double" (escapes) quotes that
// may span lines, bare `KEY` lines (inherit from the environment), UTF-8 BOM. Every key and value
// keeps its byte range; syntax errors are returned as data with ranges.
#ifndef SHIPSHAPE_ENVFILE_ENVFILE_H_
#define SHIPSHAPE_ENVFILE_ENVFILE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpolate/interpolate.h"
#include "core/text_range.h"

namespace shipshape::envfile {

enum class Quote : uint8_t { kNone, kSingle, kDouble };

struct Entry {
  std::string key;
  /// Decoded value after quote processing and interpolation; nullopt for a bare `KEY` line
  /// (inherits from the environment; the lookup's value is filled in when it has one).
  std::optional<std::string> value;
  std::string raw;  ///< The value as written between the quotes (or the trimmed unquoted text).
  Quote quote = Quote::kNone;
  bool exported = false;  ///< Written with a leading `export `.
  /// False if interpolation hit a variable the lookup does not know (no default).
  bool known = true;
  std::vector<std::string> unknown_variables;
  TextRange key_range;
  TextRange value_range;  ///< Includes the quotes; empty (at the line end) for `KEY=` and bare keys.
  TextRange line_range;   ///< From the key (or `export`) to the end of the value.
};

struct Error {
  std::string message;
  TextRange range;
};

struct EnvFile {
  std::vector<Entry> entries;  ///< In file order; a repeated key appears twice (last wins).
  std::vector<Error> errors;
  bool ok() const { return errors.empty(); }
  /// Last entry with this key, or nullptr.
  const Entry* Find(std::string_view key) const;
  /// Key -> value (last wins); bare keys without a value are left out.
  std::map<std::string, std::string, std::less<>> ToMap() const;
};

struct ParseOptions {
  /// Interpolation source consulted before keys defined earlier in the file (the process
  /// environment in docker compose). May be empty.
  compose::VarLookup environment;
  /// `format: raw` in an env_file long form: no quote or interpolation processing.
  bool raw = false;
};

/// Parses dotenv text. Never throws.
EnvFile Parse(std::string_view text, const ParseOptions& options = {});

}  // namespace shipshape::envfile

#endif  // SHIPSHAPE_ENVFILE_ENVFILE_H_
