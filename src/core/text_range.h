// Byte ranges into one source buffer. Every node, diagnostic and edit in shipshape is located by
// a half-open byte range; line and column are computed only when a reporter needs them.
#ifndef SHIPSHAPE_CORE_TEXT_RANGE_H_
#define SHIPSHAPE_CORE_TEXT_RANGE_H_

#include <cstdint>
#include <string_view>

namespace shipshape {

/// Half-open byte range [start, end) into a source buffer.
struct TextRange {
  uint32_t start = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - start; }
  constexpr bool empty() const { return start == end; }
  constexpr bool Contains(uint32_t offset) const { return offset >= start && offset < end; }
  constexpr bool Contains(TextRange other) const { return other.start >= start && other.end <= end; }
  constexpr bool Overlaps(TextRange o) const { return start < o.end && o.start < end; }
  /// The text this range covers in `source`. Clamped, so a stale range never reads out of bounds.
  std::string_view Of(std::string_view source) const {
    if (start >= source.size()) return {};
    return source.substr(start, (end > source.size() ? source.size() : end) - start);
  }
  static constexpr TextRange At(uint32_t offset) { return {offset, offset}; }
  static constexpr TextRange Cover(TextRange a, TextRange b) {
    return {a.start < b.start ? a.start : b.start, a.end > b.end ? a.end : b.end};
  }
  friend constexpr bool operator==(TextRange a, TextRange b) = default;
};

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_TEXT_RANGE_H_
