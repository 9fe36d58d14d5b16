// Small helpers shared by rules: keyword casing for edits, instruction lookups, stage queries.
#ifndef SHIPSHAPE_RULES_UTIL_H_
#define SHIPSHAPE_RULES_UTIL_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/strings.h"

#include "dockerfile/dockerfile.h"

namespace shipshape::rules {

/// `replacement` in the letter case of `original` (all upper, all lower, or as given).
std::string MatchCase(std::string_view original, std::string_view replacement);

/// Byte offset of the start of the line containing `offset`.
uint32_t LineStartOf(std::string_view src, uint32_t offset);
/// Byte offset just past the line terminator of the line containing `offset` (or end of text).
uint32_t LineEndOf(std::string_view src, uint32_t offset);
/// The line terminator used by the file ("\r\n" if its first line ends so, else "\n").
std::string_view Newline(std::string_view src);
/// Leading whitespace of the line containing `offset`.
std::string_view IndentOf(std::string_view src, uint32_t offset);

/// Range covering a whole instruction plus its line terminator, for deletion fixes.
TextRange WholeLines(std::string_view src, TextRange r);

/// The last instruction of `kind` in `stage`, or nullptr.
const dockerfile::Instruction* LastOf(const dockerfile::Stage& stage, dockerfile::Keyword kind);

// ---------------------------------------------------------------------------------------------
// Stages, variables and small text helpers shared by the Dockerfile rules (DF001-DF139).

/// True for the `scratch` pseudo-image (any letter case).
bool IsScratch(std::string_view image);

/// The in-file ancestors of `stage` (stages it builds FROM), outermost first, ending with `stage`.
std::vector<const dockerfile::Stage*> StageChain(const dockerfile::Dockerfile& df,
                                                 const dockerfile::Stage& stage);
/// The outermost stage of `stage`'s chain: the one whose base is an image or scratch.
const dockerfile::Stage& RootStage(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);
/// True when the chain of `stage` starts FROM scratch (after global ARG defaults).
bool ChainFromScratch(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);
/// The last instruction of `kind` over the whole chain of `stage` (ancestors included).
const dockerfile::Instruction* LastInChain(const dockerfile::Dockerfile& df,
                                           const dockerfile::Stage& stage, dockerfile::Keyword kind);
/// The stage whose instructions contain `ins` (top level), or nullptr (global ARGs).
const dockerfile::Stage* StageOf(const dockerfile::Dockerfile& df, const dockerfile::Instruction* ins);

/// ARGs BuildKit predefines: the platform ARGs (global scope only) plus the proxy and BUILDKIT_
/// ARGs (usable without declaration).
bool IsPlatformArg(std::string_view name);
bool IsPredefinedArg(std::string_view name);

/// Result of expanding a word in a non-RUN context.
struct Expansion {
  std::string text;
  /// False when a variable had no value known at lint time (build-arg, base image ENV...).
  bool complete = true;
  /// Variables not defined anywhere the instruction can see (in order of use, may repeat).
  std::vector<std::string> undefined;
};

/// The ARG/ENV names visible at a point of a stage, as BuildKit scopes them: ENV inherited from
/// in-file parent stages, ARGs and ENVs declared earlier in the stage, global ARG defaults for
/// `ARG NAME` redeclarations. Values are known only when they came from defaults in the file.
class VarScope {
 public:
  /// Scope at the start of `stage` (before its first instruction).
  VarScope(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);
  /// Scope of the global ARGs (what FROM lines see), predefined platform ARGs included.
  explicit VarScope(const dockerfile::Dockerfile& df);
  /// Records the names an ARG or ENV instruction defines; other instructions are ignored.
  void Apply(const dockerfile::Instruction& ins);
  bool Has(std::string_view name) const;
  /// True when `name` was declared by ARG (not ENV) in this scope.
  bool IsArg(std::string_view name) const;
  /// The known value, or nullopt when undefined or not known statically.
  std::optional<std::string> Value(std::string_view name) const;
  Expansion Expand(std::string_view word) const;
  std::vector<std::string> Names() const;

 private:
  struct Var {
    std::optional<std::string> value;
    bool arg = false;
  };
  char escape_ = '\\';
  std::map<std::string, Var, std::less<>> vars_;
  const std::map<std::string, std::optional<std::string>, std::less<>>* globals_;
};

/// The external image `stage` builds FROM, after global ARG defaults. nullopt for scratch, for an
/// earlier stage, and for references that still depend on an ARG without a default.
std::optional<dockerfile::ImageRef> ExternalBase(const dockerfile::Dockerfile& df,
                                                 const dockerfile::Stage& stage);
/// True if `ref` is a valid image reference as `docker pull` parses it (lower-case repository,
/// optional registry host, tag and digest).
bool IsValidImageReference(std::string_view ref);

/// Source ranges of the name part of every `$name` / `${name...}` reference to `name` inside
/// `within` (escaped `\$` skipped).
std::vector<TextRange> VariableRefs(std::string_view src, TextRange within, std::string_view name,
                                    char escape = '\\');

/// The scope just before `ins` inside `stage` (ARG/ENV of the stage up to `ins` applied).
VarScope ScopeBefore(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage,
                     const dockerfile::Instruction* ins);

/// Heuristic: `stage` builds a Windows image (backtick escape, a Windows base, a PowerShell or
/// cmd SHELL).
bool LooksWindows(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);

/// One EXPOSE token split into its parts: `[ip:][hostport:]port[-end][/proto]`.
struct ExposeSpec {
  std::string host;     ///< Everything before the container port, without the last `:`.
  std::string port;     ///< Container port or range as written, e.g. "8000-8010".
  std::string proto;    ///< As written (may be upper-case), empty when absent.
  uint32_t port_offset = 0;   ///< Byte offset of `port` in the token.
  uint32_t proto_offset = 0;  ///< Byte offset of `proto` in the token (after the `/`).
};
ExposeSpec ParseExpose(std::string_view token);

/// A LABEL pair as the image records it: the instruction, the pair, the key without quotes and the
/// value expanded (nullopt when it depends on a value unknown at lint time).
struct LabelEntry {
  const dockerfile::Instruction* ins = nullptr;
  const dockerfile::KeyValue* pair = nullptr;
  std::string key;
  std::optional<std::string> value;
};
/// Every LABEL pair of `stage`'s chain (inherited stages first), in order.
std::vector<LabelEntry> ChainLabels(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);
/// The OCI pre-defined annotation keys (`org.opencontainers.image.created`, ...), without prefix.
const std::vector<std::string>& OciAnnotationKeys();

/// Heuristic: the final image of `stage` runs a long-lived service (it EXPOSEs a port, or its
/// effective CMD/ENTRYPOINT is something other than an interactive shell). Looks at the chain.
bool LooksLikeService(const dockerfile::Dockerfile& df, const dockerfile::Stage& stage);

/// An edit deleting the whole lines of `ins` (heredoc bodies included).
Edit DeleteLines(std::string_view src, const dockerfile::Instruction& ins);

/// Levenshtein distance (bytes), capped: returns `cap + 1` once it is known to exceed `cap`.
size_t EditDistance(std::string_view a, std::string_view b, size_t cap = 8);
/// The candidate closest to `name` if it is a plausible typo (same letters ignoring case, or a
/// small edit distance relative to the length); empty otherwise.
std::string ClosestName(std::string_view name, const std::vector<std::string>& candidates);

/// `/x`, `C:\x`, `c:/x` (and `\\server`).
bool IsAbsolutePath(std::string_view path);
/// The last `/`-separated part of `path` ("tini" for "/sbin/tini").
std::string_view BaseName(std::string_view path);
/// JSON string literal for `s` (quotes included).
std::string JsonQuote(std::string_view s);
/// True if `s` is non-empty and all ASCII digits.
bool IsDigits(std::string_view s);
/// Strips one level of matching single or double quotes.
std::string_view Unquote(std::string_view s);

}  // namespace shipshape::rules

#endif  // SHIPSHAPE_RULES_UTIL_H_
