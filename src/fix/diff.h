// Unified diffs between two texts, line based (Myers' O(ND) algorithm), for `fix --diff`.
#ifndef SHIPSHAPE_FIX_DIFF_H_
#define SHIPSHAPE_FIX_DIFF_H_

#include <string>
#include <string_view>

namespace shipshape {

/// `diff -u` style output with `--- a/path` / `+++ b/path` headers and 3 lines of context.
/// Empty when the texts are equal. A missing final newline is marked as diff(1) does.
std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view path);

}  // namespace shipshape

#endif  // SHIPSHAPE_FIX_DIFF_H_
