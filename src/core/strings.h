// ASCII string helpers shared by every layer: letter case, case-insensitive comparison, trimming
// and splitting. Docker's own syntax (instruction keywords, image names, capabilities, protocol
// names) is ASCII, and locale-dependent case mapping would make results depend on the machine, so
// none of these look at the locale or at non-ASCII bytes.
//
// One copy each: before issue 15, `Lower` alone was defined eleven times across the tree.
#ifndef SHIPSHAPE_CORE_STRINGS_H_
#define SHIPSHAPE_CORE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

/// ASCII lower-case of one byte (other bytes unchanged).
constexpr char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
/// ASCII upper-case of one byte (other bytes unchanged).
constexpr char UpperChar(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

/// ASCII lower-case copy.
std::string Lower(std::string_view s);
/// ASCII upper-case copy.
std::string Upper(std::string_view s);

/// True if `a` and `b` are equal ignoring ASCII case.
bool EqualsNoCase(std::string_view a, std::string_view b);
/// True if `s` starts with `prefix`, ignoring ASCII case.
bool StartsWithNoCase(std::string_view s, std::string_view prefix);
/// True if `s` ends with `suffix`, ignoring ASCII case.
bool EndsWithNoCase(std::string_view s, std::string_view suffix);

/// True for the ASCII whitespace bytes: space, `\t`, `\n`, `\v`, `\f`, `\r`.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
/// `s` without leading and trailing ASCII whitespace (a view into `s`).
std::string_view Trim(std::string_view s);
/// `s` without leading and trailing spaces and tabs only (line breaks kept).
std::string_view TrimBlanks(std::string_view s);

/// `s` split at every `sep`; empty parts are kept ("a,,b" -> a, "", b; "" -> one empty part).
std::vector<std::string_view> Split(std::string_view s, char sep);

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_STRINGS_H_
