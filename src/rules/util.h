// Small helpers shared by rules: keyword casing for edits, instruction lookups, stage queries.
#ifndef SHIPSHAPE_RULES_UTIL_H_
#define SHIPSHAPE_RULES_UTIL_H_

#include <string>
#include <string_view>

#include "dockerfile/dockerfile.h"

namespace shipshape::rules {

/// `replacement` in the letter case of `original` (all upper, all lower, or as given).
std::string MatchCase(std::string_view original, std::string_view replacement);

/// ASCII lower-case copy.
std::string ToLower(std::string_view s);

/// True if `s` starts with `prefix`, ignoring ASCII case.
bool StartsWithNoCase(std::string_view s, std::string_view prefix);

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

}  // namespace shipshape::rules

#endif  // SHIPSHAPE_RULES_UTIL_H_
