// Validation of a compose YAML tree against the official Compose JSON schema (compose-spec.json,
// embedded in the binary) with valijson. The tree is converted to JSON after anchor/merge
// resolution; errors are mapped back to the exact YAML node (byte range) through the JSON path,
// and rewritten into actionable messages (e.g. `restart_policy` directly under a service: "not
// allowed here; it belongs under `deploy`").
//
// Like docker compose, which validates after interpolation, scalars containing `${...}` are
// passed as strings, which the schema accepts wherever compose-go casts values later (ports,
// booleans, numbers), so `${PORT}` never yields a false type error.
//
// The schema is compiled once (thread-safe static); ValidateSchema may be called concurrently.
#ifndef SHIPSHAPE_COMPOSE_SCHEMA_H_
#define SHIPSHAPE_COMPOSE_SCHEMA_H_

#include <string>
#include <vector>

#include "core/text_range.h"
#include "yaml/yaml.h"

namespace shipshape::compose {

struct SchemaError {
  std::string message;  ///< Human message naming the path and what is allowed.
  std::string path;     ///< Dotted path, e.g. "services.web.ports[0]".
  TextRange range;      ///< The offending key (for unknown properties) or value.
  uint16_t source = 0;  ///< yaml::Node::source of the offending node.
};

/// Validates `root` (a compose file's root mapping). Returns an empty vector when valid.
/// Never throws; an internal failure is reported as one SchemaError at the root.
std::vector<SchemaError> ValidateSchema(const yaml::Node* root);

/// One valijson error: its context ("<root>", "[services]", "[web]") and description.
struct RawError {
  std::vector<std::string> ctx;
  std::string desc;
};

/// Which raw errors to report (exposed for tests): the most specific ones. An error is dropped
/// when another lies strictly below its context; a generic combinator message ("oneOf", "child
/// schema", ...) is dropped when a specific error or an earlier generic one shares its context.
/// O(n log n): thousands of errors (a list of bad entries repeated through an alias) are common.
std::vector<bool> MostSpecific(const std::vector<RawError>& raws);

/// True once the embedded schema compiled (for diagnostics/tests).
bool SchemaAvailable();

}  // namespace shipshape::compose

#endif  // SHIPSHAPE_COMPOSE_SCHEMA_H_
