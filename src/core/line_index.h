// Maps byte offsets to 1-based line and column numbers. Built lazily by reporters only; parsers and
// rules never need it. Columns count Unicode code points (SARIF "unicodeCodePoints"); tabs count 1.
#ifndef SHIPSHAPE_CORE_LINE_INDEX_H_
#define SHIPSHAPE_CORE_LINE_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace shipshape {

struct SourceLocation {
  uint32_t line = 1;    ///< 1-based line.
  uint32_t column = 1;  ///< 1-based column in code points.
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// Line and column of `offset` (clamped to the end of the text). `\r\n`, `\n` and a lone `\r`
  /// all end a line, as BuildKit and YAML treat them.
  SourceLocation Locate(uint32_t offset) const;
  /// Byte range of line `line` (1-based) without its terminator.
  std::string_view Line(uint32_t line) const;
  /// Byte offset where line `line` (1-based) starts.
  uint32_t LineStart(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_LINE_INDEX_H_
