#include "runtime/container.h"

namespace shipshape::runtime {

const JsonRanges::Entry* JsonRanges::Find(std::string_view pointer) const {
  auto it = entries_.find(pointer);
  return it == entries_.end() ? nullptr : &it->second;
}

namespace {

bool IsElement(const JsonRanges::Entry& e) { return e.key == e.value; }

// A one-line anchor for an object or array: its key, or its opening bracket for an element.
TextRange Anchor(const JsonRanges::Entry& e) {
  if (IsElement(e)) return {e.value.start, e.value.start + (e.value.empty() ? 0u : 1u)};
  return e.key;
}

}  // namespace

TextRange JsonRanges::Locate(std::string_view pointer) const {
  if (const Entry* e = Find(pointer); e && !pointer.empty()) {
    if (e->scalar) return IsElement(*e) ? e->value : TextRange::Cover(e->key, e->value);
    return Anchor(*e);
  }
  // Absent: the engine omitted the field (or the inline case did). Point at its parent.
  std::string_view p = pointer;
  while (!p.empty()) {
    size_t slash = p.rfind('/');
    if (slash == std::string_view::npos || slash == 0) break;
    p = p.substr(0, slash);
    if (const Entry* e = Find(p)) return Anchor(*e);
  }
  if (const Entry* name = Find("/Name")) return TextRange::Cover(name->key, name->value);
  if (const Entry* root = Find("")) return Anchor(*root);
  return {};
}

std::string JsonPointerAppend(std::string_view pointer, std::string_view segment) {
  std::string out(pointer);
  out += '/';
  for (char c : segment) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Recursive descent over text that is already known to be valid JSON; it records ranges and
// bails out (keeping what it has) on anything it does not expect.
class RangeScanner {
 public:
  RangeScanner(std::string_view text, JsonRanges* out) : t_(text), out_(out) {}

  void Run() { Value(std::string(), std::nullopt, 0); }

 private:
  static constexpr int kMaxDepth = 512;

  void Ws() {
    while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t'))
      ++p_;
  }

  // At a '"': skips the string, decoding it into *decoded when given.
  bool String(std::string* decoded) {
    if (p_ >= t_.size() || t_[p_] != '"') return false;
    ++p_;
    while (p_ < t_.size()) {
      char c = t_[p_++];
      if (c == '"') return true;
      if (c != '\\') {
        if (decoded) *decoded += c;
        continue;
      }
      if (p_ >= t_.size()) return false;
      char e = t_[p_++];
      switch (e) {
        case 'b':
          if (decoded) *decoded += '\b';
          break;
        case 'f':
          if (decoded) *decoded += '\f';
          break;
        case 'n':
          if (decoded) *decoded += '\n';
          break;
        case 'r':
          if (decoded) *decoded += '\r';
          break;
        case 't':
          if (decoded) *decoded += '\t';
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && p_ + 1 < t_.size() && t_[p_] == '\\' &&
              t_[p_ + 1] == 'u') {
            p_ += 2;
            uint32_t lo = 0;
            if (!Hex4(&lo)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          if (decoded) AppendUtf8(cp, decoded);
          break;
        }
        default:
          if (decoded) *decoded += e;
          break;
      }
    }
    return false;
  }

  bool Hex4(uint32_t* cp) {
    if (p_ + 4 > t_.size()) return false;
    for (int i = 0; i < 4; ++i) {
      char c = t_[p_++];
      *cp <<= 4;
      if (c >= '0' && c <= '9')
        *cp |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        *cp |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        *cp |= static_cast<uint32_t>(c - 'A' + 10);
      else
        return false;
    }
    return true;
  }

  bool Value(const std::string& ptr, std::optional<TextRange> key, int depth) {
    if (depth > kMaxDepth) return false;
    Ws();
    if (p_ >= t_.size()) return false;
    const uint32_t start = static_cast<uint32_t>(p_);
    bool scalar = true;
    const char c = t_[p_];
    if (c == '{') {
      scalar = false;
      ++p_;
      Ws();
      if (p_ < t_.size() && t_[p_] == '}') {
        ++p_;
      } else {
        while (true) {
          Ws();
          const uint32_t ks = static_cast<uint32_t>(p_);
          std::string name;
          if (!String(&name)) return false;
          const TextRange kr{ks, static_cast<uint32_t>(p_)};
          Ws();
          if (p_ >= t_.size() || t_[p_] != ':') return false;
          ++p_;
          if (!Value(JsonPointerAppend(ptr, name), kr, depth + 1)) return false;
          Ws();
          if (p_ < t_.size() && t_[p_] == ',') {
            ++p_;
            continue;
          }
          if (p_ < t_.size() && t_[p_] == '}') {
            ++p_;
            break;
          }
          return false;
        }
      }
    } else if (c == '[') {
      scalar = false;
      ++p_;
      Ws();
      if (p_ < t_.size() && t_[p_] == ']') {
        ++p_;
      } else {
        for (size_t i = 0;; ++i) {
          if (!Value(ptr + "/" + std::to_string(i), std::nullopt, depth + 1)) return false;
          Ws();
          if (p_ < t_.size() && t_[p_] == ',') {
            ++p_;
            continue;
          }
          if (p_ < t_.size() && t_[p_] == ']') {
            ++p_;
            break;
          }
          return false;
        }
      }
    } else if (c == '"') {
      if (!String(nullptr)) return false;
    } else {
      while (p_ < t_.size() && t_[p_] != ',' && t_[p_] != '}' && t_[p_] != ']' && t_[p_] != ' ' &&
             t_[p_] != '\n' && t_[p_] != '\r' && t_[p_] != '\t')
        ++p_;
      if (p_ == start) return false;
    }
    const TextRange value{start, static_cast<uint32_t>(p_)};
    out_->Add(ptr, {key.value_or(value), value, scalar});
    return true;
  }

  std::string_view t_;
  size_t p_ = 0;
  JsonRanges* out_;
};

}  // namespace

JsonRanges ScanJsonRanges(std::string_view text) {
  JsonRanges r;
  RangeScanner(text, &r).Run();
  return r;
}

std::string_view Container::Label(std::string_view key) const {
  auto it = labels.find(std::string(key));
  return it == labels.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace shipshape::runtime
