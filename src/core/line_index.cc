#include "core/line_index.h"

#include <algorithm>

namespace shipshape {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      starts_.push_back(i + 1);
    }
  }
}

SourceLocation LineIndex::Locate(uint32_t offset) const {
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const uint32_t line = static_cast<uint32_t>(it - starts_.begin());
  const uint32_t start = starts_[line - 1];
  uint32_t col = 1;
  for (uint32_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  return {line, col};
}

uint32_t LineIndex::LineStart(uint32_t line) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return static_cast<uint32_t>(text_.size());
  return starts_[line - 1];
}

std::string_view LineIndex::Line(uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  uint32_t start = starts_[line - 1];
  uint32_t end = line < starts_.size() ? starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

}  // namespace shipshape
