// Unified diffs between two texts, line based (Myers' O(ND) algorithm), for `fix --diff`.
#ifndef SHIPSHAPE_CORE_DIFF_H_
#define SHIPSHAPE_CORE_DIFF_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape {

/// `diff -u` style output with `--- a/path` / `+++ b/path` headers and 3 lines of context.
/// Empty when the texts are equal. A missing final newline is marked as diff(1) does.
std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view path);

/// One changed region of a line diff: lines [a_begin, a_end) of `before` (0-based, each line with
/// its '\n') were replaced by lines [b_begin, b_end) of `after`. An empty `a` side is an insertion
/// before line a_begin; an empty `b` side a deletion.
struct LineHunk {
  size_t a_begin = 0, a_end = 0, b_begin = 0, b_end = 0;
  friend bool operator==(const LineHunk&, const LineHunk&) = default;
};

/// The hunks of the same Myers diff UnifiedDiff prints, without context; empty when equal.
std::vector<LineHunk> DiffLines(std::string_view before, std::string_view after);

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_DIFF_H_
