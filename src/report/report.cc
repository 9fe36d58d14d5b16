#include "report/report.h"

#include <cstdio>

#include "report/render_util.h"

namespace shipshape {

std::string MaskedText(const SourceFile& file, const std::vector<Diagnostic>& diagnostics) {
  return report::SecretMask(file, diagnostics).Apply(file.text, 0);
}

std::string EscapeControls(std::string_view s, std::string_view keep) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool c1 = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(s[i + 1]) <= 0x9F;
    if ((c >= 0x20 && c != 0x7F && !c1) || keep.find(ch) != std::string_view::npos ||
        (ch == '\r' && i + 1 < s.size() && s[i + 1] == '\n' &&
         keep.find('\n') != std::string_view::npos)) {
      out += ch;
      continue;
    }
    char buf[8];
    switch (ch) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c1) {
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(s[++i]));
        } else {
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
        }
        out += buf;
    }
  }
  return out;
}

}  // namespace shipshape
