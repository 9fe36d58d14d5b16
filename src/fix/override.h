// `shipshape fix --into-override FILE`: instead of editing the user's Compose file, write what the
// fixes changed as a Compose override file, to be merged with
//   docker compose -f compose.yaml -f compose.prod.yaml up
// BuildComposeOverride() is pure: it compares the original Compose text with the fixed text (the
// result of FixToFixpoint on it), service by service and key by key, and serializes the
// difference. The fix session (fix/session.h) plans the file; the CLI writes it.
//
// What goes into the override, key by key, so that Compose's merge of it over the original gives
// the fixed file:
//  - A key the fixes added is written as the fixed file writes it: the fixed file's own slice
//    (comments and quoting kept), re-indented. Values that go through an alias or a `<<` merge key
//    are re-serialized from the tree instead, since the anchor does not exist in the override.
//  - A changed mapping (a service, `deploy`, `logging`, ...) is written as just the keys that
//    changed inside it, recursively: Compose merges mappings key by key, so repeating unchanged
//    keys would re-append the sequences inside them.
//  - A changed scalar is written plainly: Compose replaces scalars.
//  - A changed sequence (`ports` rebound to 127.0.0.1, `cap_drop`, ...), or a value whose kind
//    changed (`build: .` to a mapping), is tagged `!override`: Compose appends or merges
//    sequences by default, and the override must replace them.
//  - A key the fixes removed is written as `key: !reset null`.
//  - Top level: `services`, `volumes`, `networks`, `secrets` and `configs` are compared per named
//    entry as above; any other key (`x-*`, `name`, ...) likewise. Removed top-level keys and
//    removed named entries are ignored: the obsolete `version:` key, say, whose removal is
//    cosmetic, or a service (an override cannot delete one).
// Key order follows the fixed file. Line endings follow the fixed file (CRLF in, CRLF out).
#ifndef SHIPSHAPE_FIX_OVERRIDE_H_
#define SHIPSHAPE_FIX_OVERRIDE_H_

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

#endif  // SHIPSHAPE_FIX_OVERRIDE_H_
