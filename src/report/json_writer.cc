#include "report/json_writer.h"

namespace shipshape::report {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Bytes allowed after lead byte `lead` at continuation position 1 (RFC 3629's table: no
// overlongs, no surrogates, nothing above U+10FFFF). Later continuation bytes are 80..BF.
bool SecondByteOk(unsigned char lead, unsigned char b) {
  switch (lead) {
    case 0xE0: return b >= 0xA0 && b <= 0xBF;
    case 0xED: return b >= 0x80 && b <= 0x9F;
    case 0xF0: return b >= 0x90 && b <= 0xBF;
    case 0xF4: return b >= 0x80 && b <= 0x8F;
    default: return b >= 0x80 && b <= 0xBF;
  }
}

// Sequence length announced by a lead byte; 0 if it cannot start a sequence.
size_t SequenceLength(unsigned char c) {
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Runs of plain printable ASCII go in one append.
    size_t j = i;
    while (j < n) {
      const unsigned char c = static_cast<unsigned char>(s[j]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++j;
    }
    out.append(s.data() + i, j - i);
    i = j;
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
      }
      ++i;
      continue;
    }
    const size_t len = SequenceLength(c);
    if (len == 0) {  // A byte that cannot start a sequence: one replacement, move on.
      out += kReplacement;
      ++i;
      continue;
    }
    size_t k = 1;
    for (; k < len && i + k < n; ++k) {
      const unsigned char b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? !SecondByteOk(c, b) : (b < 0x80 || b > 0xBF)) break;
    }
    if (k == len) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      // The valid prefix is replaced by one U+FFFD; the byte that broke it is read again
      // (it may start a sequence of its own). A sequence cut short by the end also ends here.
      out += kReplacement;
      i += k;
    }
  }
  out += '"';
}

void JsonWriter::NewLine(size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  Level& top = stack_.back();
  if (!top.empty) out_ += ',';
  top.empty = false;
  NewLine(stack_.size());
}

void JsonWriter::Open(char c) {
  BeforeValue();
  out_ += c;
  stack_.push_back({});
}

void JsonWriter::Close(char c) {
  const Level l = stack_.back();
  stack_.pop_back();
  if (!l.empty) NewLine(stack_.size());
  out_ += c;
}

void JsonWriter::Key(std::string_view k) {
  Level& top = stack_.back();
  if (!top.empty) out_ += ',';
  top.empty = false;
  NewLine(stack_.size());
  AppendJsonString(out_, k);
  out_ += ": ";
  after_key_ = true;
}

}  // namespace shipshape::report
