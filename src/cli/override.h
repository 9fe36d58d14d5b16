// `shipshape fix --into-override FILE`: instead of editing the user's Compose file, write what the
// fixes changed as a Compose override file, to be merged with
//   docker compose -f compose.yaml -f compose.prod.yaml up
// BuildComposeOverride() is pure: it compares the original Compose text with the fixed text (the
// result of FixToFixpoint on it), service by service and key by key, and serializes the
// difference. The CLI does the file handling (cli.cc RunFix).
//
// What goes into the override:
//  - services: every top-level service key the fixes added or changed, as the fixed file writes
//    it. The text is the fixed file's own slice (comments and quoting kept), re-indented; values
//    that go through an alias or a `<<` merge key are re-serialized from the tree instead, since
//    the anchor does not exist in the override.
//  - A changed sequence (`ports` rebound to 127.0.0.1, `cap_drop`, ...) is tagged `!override`:
//    Compose appends sequences by default, and the override must replace them. A changed mapping
//    is tagged `!override` only when a plain merge would not give the fixed value (a key inside
//    it was removed, a nested sequence changed, or its kind changed).
//  - A service key the fixes removed is written as `key: !reset null`.
//  - Top-level `volumes`, `networks`, `secrets` and `configs` entries the fixes added or changed
//    are written the same way, per named entry; any other top-level key (`x-*`, `name`, ...) is
//    written whole when added or changed. Removed top-level keys and entries are ignored: the
//    obsolete `version:` key, say, whose removal is cosmetic.
//  - Services the fixes deleted are ignored (an override cannot delete a service).
// Key order follows the fixed file. Line endings follow the fixed file (CRLF in, CRLF out).
#ifndef SHIPSHAPE_CLI_OVERRIDE_H_
#define SHIPSHAPE_CLI_OVERRIDE_H_

#include <string>
#include <string_view>

namespace shipshape {

struct OverrideOptions {
  /// When both are set, the override starts with a comment naming the file it overrides and the
  /// `docker compose -f ... -f ...` command that applies it. Paths as the user should type them.
  std::string compose_name;
  std::string override_name;
};

/// Writes into `*out` the override that turns `original` into `fixed` when merged after it; empty
/// when the two are equivalent. Returns false with `*err` set when either text is not a
/// syntax-clean YAML mapping (the fixer never writes such a file, so this is a caller bug or a
/// file that was broken to begin with).
bool BuildComposeOverride(std::string_view original, std::string_view fixed,
                          const OverrideOptions& options, std::string* out, std::string* err);

}  // namespace shipshape

#endif  // SHIPSHAPE_CLI_OVERRIDE_H_
