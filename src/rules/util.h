// Small helpers shared by rules: keyword casing for edits, line ranges, text helpers. The stage and
// variable model lives in models/ (re-exported below while rules migrate).
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
#include "models/arg_scope.h"
#include "models/dockerfile_stages.h"

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

// ---------------------------------------------------------------------------------------------
// Stages and variables: the Dockerfile model (models/dockerfile_stages.h, models/arg_scope.h).
// Their names stay usable as rules::X so that rules migrate to the model headers one by one.
using models::ChainFromScratch;
using models::Expansion;
using models::ExternalBase;
using models::IsPlatformArg;
using models::IsPredefinedArg;
using models::IsScratch;
using models::LastInChain;
using models::LastOf;
using models::RootStage;
using models::ScopeBefore;
using models::StageChain;
using models::StageOf;
using models::VariableRefs;
using models::VarScope;

// ---------------------------------------------------------------------------------------------
// Small text helpers shared by the Dockerfile rules (DF001-DF139).

/// True if `ref` is a valid image reference as `docker pull` parses it (lower-case repository,
/// optional registry host, tag and digest).
bool IsValidImageReference(std::string_view ref);

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
