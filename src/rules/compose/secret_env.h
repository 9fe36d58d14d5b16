// Moving a literal credential out of a Compose file: the `${NAME}` replacement edit plus the side
// files (`.env` with the value, mode 0600; `.env.example` with an empty line; `.env` added to
// `.gitignore`). Shared by the environment, build-arg and URL credential rules.
//
// The variable name is the key itself unless that would clash: with a different value for the
// same key elsewhere in the file, or in the existing `.env`. Then `<SERVICE>_<KEY>` is used. An
// existing `.env` line is never overwritten (the CLI merges lines, it does not replace them).
#ifndef SHIPSHAPE_RULES_COMPOSE_SECRET_ENV_H_
#define SHIPSHAPE_RULES_COMPOSE_SECRET_ENV_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/compose/compose_util.h"

namespace shipshape::crules {

/// True for a value that is an obvious template marker, not a usable password: `<your-token>`,
/// `{{ secret }}`, `...`, `***`, `xxxx`.
bool TemplateMarker(std::string_view v);

/// True for values that cannot be a credential in a Compose file. Unlike a Dockerfile, every
/// literal there is what the container runs with, so weak defaults (`password`, `changeme`,
/// `example`) are credentials too; only empty values, flags, paths, references and template
/// markers are not.
bool ComposeNonSecret(std::string_view v);

/// Passwords inside connection strings in `text`: `scheme://user:PASSWORD@host` and
/// `...;Password=PASSWORD;...` (ADO.NET / JDBC style). Byte ranges [first, second) of the
/// password only; references (`${X}`, `$X`) and template markers are skipped.
std::vector<std::pair<size_t, size_t>> ConnectionPasswords(std::string_view text);

/// ConnectionPasswords of raw (uninterpolated) text, without passwords inside `${...}` or `$VAR`
/// (a default such as `${DB_URL:-postgres://u:p@db}` is the deployer's to override).
std::vector<std::pair<size_t, size_t>> LiteralConnectionPasswords(std::string_view raw);

/// A literal secret found in an `environment` / `build.args` entry.
struct LiteralSecret {
  const Service* service = nullptr;
  const compose::KeyValue* kv = nullptr;
  std::string why;  ///< "its name", "an AWS access key ID"...
};

/// Literal credentials among `kvs` (by name, known token formats, or entropy for key-like names).
/// URL passwords are left to the URL rule.
std::vector<LiteralSecret> FindLiteralSecrets(const Service& s, const std::vector<compose::KeyValue>& kvs);

/// `NAME=value` for a dotenv file, quoted so compose's dotenv parser reads back `value` exactly.
std::string DotEnvLine(std::string_view name, std::string_view value);

/// Upper-case variable name from a key (`db.password` -> `DB_PASSWORD`).
std::string VarName(std::string_view key);

/// Chooses the variable for `value` (see header comment) and the side-file writes. `clashing`:
/// the preferred name has other values in this file. nullopt when the value must stay where it
/// is, with the reason in `why_not` (optional) when there is one to tell (issue 16):
///   - the `.env` it would go to is not the one every reader loads: another Compose file in
///     another directory pulls this one in with `extends`/`include`, and that project reads its
///     own directory's `.env`;
///   - the file is a test/CI file: CI checks out the repository without the untracked `.env`;
///   - the `.env` is tracked by git (listed in `.git/index`): the secret would be committed;
///   - no variable name is free.
/// A name another Compose file of the same directory (same `.env`) gives a different value is
/// never shared: the variable is then prefixed with the file and service names.
struct EnvMove {
  std::string var;
  std::vector<Fix::FileWrite> writes;
};
std::optional<EnvMove> PlanEnvMove(const RuleContext& ctx, std::string_view preferred, std::string_view service,
                                   std::string_view value, bool clashing, std::string* why_not = nullptr);

/// Directories of the other Compose files of the workspace that read `ctx`'s file through
/// `extends.file` or `include`, when they differ from its own (they load another `.env`).
std::vector<std::string> ForeignReaders(const RuleContext& ctx);

/// Source offset where `v.raw` is written verbatim (inside quotes if quoted), or nullopt when
/// escapes or folding make bytes and value differ.
std::optional<uint32_t> VerbatimStart(std::string_view text, const compose::Value& v);

/// Replaces the value of `kv` (an `environment`/`args` entry) by `${var}`; `collection` is the
/// mapping or sequence node holding the entries (for flow-style quoting).
std::optional<Edit> ReplaceWithVariable(const ComposeFile& f, const compose::KeyValue& kv,
                                        const yaml::Node* collection, std::string_view var);

/// Reports and fixes `secrets` (from FindLiteralSecrets) for one rule.
void ReportLiteralSecrets(const ComposeFile& f, RuleContext& ctx, const std::vector<LiteralSecret>& secrets,
                          std::string_view what, bool build_args);

}  // namespace shipshape::crules

#endif  // SHIPSHAPE_RULES_COMPOSE_SECRET_ENV_H_
