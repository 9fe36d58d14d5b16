// Generators for the environment side of a Compose project: the variables Compose files
// interpolate, a `.env.example` documenting them, a merge that completes an existing example
// without touching the user's lines, and the `.gitignore` lines that keep real `.env` files out of
// git. Pure functions over text; the CLI or a rule's Fix::FileWrite does the writing.
//
// Who uses what: rule DX025 (compose-variable-undocumented, on `.env` / `.env.example` files)
// reports required variables missing from the directory's example (or, without one, from `.env`)
// and fixes by merging GenerateEnvExample's output; rule DX021 (env-file-not-gitignored) merges
// GitignoreEntries() into `.gitignore`. A directory with Compose files but no env file at all has
// nothing for a context rule to attach to: callers (the Compose rules, `shipshape generate`) call
// GenerateEnvExample directly.
#ifndef SHIPSHAPE_EMIT_ENV_EXAMPLE_H_
#define SHIPSHAPE_EMIT_ENV_EXAMPLE_H_

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace shipshape::generate {

/// One `$VAR` / `${VAR...}` reference found in a string.
struct VariableRef {
  std::string name;
  /// The operator after the name: "" (`$V`, `${V}`), ":-", "-", ":?", "?", ":+", "+".
  std::string op;
  std::string argument;  ///< Default, error message or alternative, raw (may hold `${...}`).
  bool nested = false;   ///< Inside another reference's argument (only used conditionally).
};

/// Every reference in `value`, in order, as Compose interpolation reads it (`$$` is a literal
/// `$`; malformed `${...}` is skipped). References nested in an argument follow their parent.
std::vector<VariableRef> ScanVariables(std::string_view value);

/// What a set of Compose files needs from the environment, per variable.
struct ComposeVariable {
  std::string name;
  /// Some top-level use has no fallback: `$V`, `${V}`, `${V:?msg}`, `${V?msg}`.
  bool required = false;
  /// Some use is `${V:?msg}` / `${V?msg}`: Compose refuses to start when it is unset.
  bool fails_when_unset = false;
  std::string message;                       ///< First `?` message seen.
  std::optional<std::string> default_value;  ///< First `:-` / `-` default seen.
  std::vector<std::string> files;            ///< Paths of the Compose files using it (sorted).
};

/// Variables referenced in the values (never keys) of the Compose files, sorted by name. Files that
/// are not valid YAML are skipped. Variables every shell provides (HOME, PWD, USER, UID, PATH...)
/// are left out: nobody documents them.
std::vector<ComposeVariable> CollectComposeVariables(std::span<const SourceFile* const> compose_files);

/// `.env.example` text documenting `vars`: a header naming `file_names`, then required variables
/// as `NAME=` lines (a comment for `:?` ones), then optional ones commented out with their default
/// (`# NAME=default`), each section sorted by name. Empty when `vars` is empty. Deterministic.
std::string GenerateEnvExample(const std::vector<ComposeVariable>& vars,
                               std::span<const std::string> file_names);
/// Same, collecting the variables of `compose_files` first.
std::string GenerateEnvExample(std::span<const SourceFile* const> compose_files);

/// Variable names `env_text` defines or documents: `NAME=...` entries (also `export NAME=`,
/// `NAME: ...`) and commented-out assignments (`# NAME=...`).
std::set<std::string, std::less<>> DocumentedVariables(std::string_view env_text);

/// `existing` followed by the blocks of `generated` (a variable line with the comments right
/// above it) whose variable `existing` does not document yet. Never changes or drops a byte of
/// `existing`: the result always starts with it. Uses `existing`'s line endings; returns
/// `existing` unchanged when nothing is missing. `generated` alone when `existing` is empty.
std::string MergeEnvExample(std::string_view existing, std::string_view generated);

/// Lines to merge into a `.gitignore` so local env files stay out of git while templates stay in:
/// ".env", ".env.*", then "!NAME" for each name in `keep` (".env.example" when `keep` is empty).
std::vector<std::string> GitignoreEntries(std::span<const std::string> keep = {});

/// True for env file names that are templates meant to be committed: `.env.example`,
/// `.env.sample`, `.env.template`, `.env.dist`, `.env.defaults` and `*.example`-style variants.
bool IsEnvTemplateName(std::string_view file_name);

}  // namespace shipshape::generate

#endif  // SHIPSHAPE_EMIT_ENV_EXAMPLE_H_
