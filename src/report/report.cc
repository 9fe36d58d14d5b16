#include "report/report.h"

namespace shipshape {

std::string MaskLine(std::string_view line, uint32_t line_start,
                     const std::vector<Diagnostic>& all) {
  std::string out(line);
  const uint32_t line_end = line_start + static_cast<uint32_t>(line.size());
  for (const Diagnostic& d : all) {
    for (TextRange r : d.redactions) {
      if (r.end <= line_start || r.start >= line_end) continue;
      uint32_t s = r.start < line_start ? line_start : r.start;
      uint32_t e = r.end > line_end ? line_end : r.end;
      for (uint32_t i = s; i < e; ++i) out[i - line_start] = '*';
    }
  }
  return out;
}

}  // namespace shipshape
