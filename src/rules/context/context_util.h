// Helpers shared by the context rules (DXnnn): where a file sits in the workspace, appending lines
// to a file without disturbing it, the `.dockerignore` group check behind DX001-DX006, env-file
// classification and secret heuristics for DX021-DX024, and the compose-variable view for DX025.
// All pure: they read the workspace only through its FileSystem interface.
#ifndef SHIPSHAPE_RULES_CONTEXT_CONTEXT_UTIL_H_
#define SHIPSHAPE_RULES_CONTEXT_CONTEXT_UTIL_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/source.h"
#include "core/workspace.h"
#include "generate/stack.h"
#include "rules/rule.h"

namespace shipshape::context {

/// File name without directories.
std::string_view BaseName(std::string_view path);
/// Normalized directory of `file` ("." for a bare name).
std::string FileDir(const SourceFile& file);
/// The line terminator the text uses ("\r\n" if its first line ends so, else "\n").
std::string_view LineEnding(std::string_view text);

/// An insertion at the end of `text` adding `lines` (each terminated with the file's line
/// ending), preceded by a line break if the last line lacks one and by a blank line when the file
/// has content and does not already end with a blank line. `comment`, when given, is written as a
/// `# comment` line first.
Edit AppendLines(std::string_view text, const std::vector<std::string>& lines,
                 std::string_view comment = {});

/// Names (not paths) of the entries of `dir`, or empty without a workspace.
std::vector<std::string> ListDir(const Workspace* ws, std::string_view dir);

/// True if one of `dockerfiles` (texts) installs git and bind-mounts the whole build context into
/// a RUN: its build scripts read the repository (version stamping), so `.git` must stay.
bool BuildReadsRepository(std::span<const std::string> dockerfiles);

/// False if `entry` names host dependencies or build outputs (DX004, DX005) that none of
/// `dockerfiles` (texts) installs or builds itself, e.g. a `COPY . .` of a prebuilt `dist/`
/// or of a host `vendor/` with no `composer install`: excluding them would break the image.
/// True for every other entry.
bool BuildMakesItself(const generate::IgnoreEntry& entry, std::span<const std::string> dockerfiles);

/// Shared body of DX001-DX006: reports, once, the applicable catalog entries of `group` that the
/// `.dockerignore` under check does not exclude yet (probing with BuildKit's matcher), skipping
/// entries a Dockerfile in the same directory explicitly needs. The fix appends the missing
/// patterns (plus `!` lines keeping templates such as `.env.example` as they were) at the end.
/// `why` completes the message: "<patterns> not excluded: <why>".
void CheckIgnoreGroup(const SourceFile& file, RuleContext& ctx, generate::IgnoreGroup group,
                      std::string_view why, Applicability applicability);

// ---- env files ----------------------------------------------------------------------------

/// Env files meant to hold credentials and stay private: a `.env`, `.env.local` or `.env.*.local`
/// that sets a credential-like key (or a URL with a password), or any other non-template env file
/// that sets one to a literal, non-placeholder value.
bool IsPrivateEnvFile(const SourceFile& file);
/// The password of a URL with credentials (`postgres://user:pw@db/app` -> `pw`), else "".
std::string_view UrlPassword(std::string_view value);

/// Keys that name a credential: *PASSWORD*, *PASSWD*, *SECRET*, *TOKEN*, *API_KEY*, *PRIVATE_KEY*,
/// *ACCESS_KEY*, *CREDENTIAL*, and `PASS`/`PWD`/`KEY` as a `_`-separated word.
bool IsSecretKey(std::string_view key);
/// Placeholder values nobody uses as a real secret: empty, `<...>`, `your-...`, `change-me`,
/// `xxx`, `...`, `${VAR}` references, `TODO`, `example`, repeated single characters.
bool IsPlaceholderValue(std::string_view value);
/// Default or trivially guessable passwords (`password`, `changeme`, `secret`, `admin`, `123456`,
/// `postgres`, `root`, ...), compared case-insensitively.
bool IsWeakPassword(std::string_view value);
/// If `value` has the shape of a real credential (a known token format, a private key block, or
/// a long high-entropy string under a credential key), a short description of what it looks like
/// ("a GitHub token"), else "".
std::string DescribeRealSecret(std::string_view key, std::string_view value);
/// Shannon entropy in bits per byte.
double Entropy(std::string_view s);

}  // namespace shipshape::context

#endif  // SHIPSHAPE_RULES_CONTEXT_CONTEXT_UTIL_H_
