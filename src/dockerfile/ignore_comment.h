// The suppression comment syntax shared by Dockerfiles and Compose files:
//   # shipshape ignore=DF020,DF010        # hadolint ignore=DL3008
//   # shipshape global ignore=DF010       # hadolint stage ignore=DL3006
// Only the syntax: which findings a comment silences is the lint driver's business
// (lint/suppression.h), and DF099/DF119 read the same comments to forward or flag them. A parser,
// so rules and the driver both sit above it.
#ifndef SHIPSHAPE_DOCKERFILE_IGNORE_COMMENT_H_
#define SHIPSHAPE_DOCKERFILE_IGNORE_COMMENT_H_

#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

/// Parses the codes after `ignore=` in a comment line like "# hadolint ignore=DL3008,DL3009".
/// Returns false when the comment is not a suppression. Sets *global for the `global` form.
bool ParseIgnoreComment(std::string_view comment, std::vector<std::string>* codes, bool* global);

/// `s` without leading and trailing whitespace.
std::string_view TrimCommentSpace(std::string_view s);

/// Skips leading whitespace in `*s`, then `word` if `*s` starts with it (true) or nothing (false).
bool ConsumeCommentWord(std::string_view* s, std::string_view word);

}  // namespace shipshape

#endif  // SHIPSHAPE_DOCKERFILE_IGNORE_COMMENT_H_
