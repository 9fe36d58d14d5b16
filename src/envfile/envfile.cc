#include "envfile/envfile.h"

namespace shipshape::envfile {
namespace {

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-' || c == '[' || c == ']';
}
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsEol(char c) { return c == '\n' || c == '\r'; }

std::string DecodeDouble(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    switch (c) {
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '\\': out.push_back('\\'); break;
      case '"': out.push_back('"'); break;
      // `\$` stays escaped for the interpolator (`$$` is its literal-dollar form).
      case '$': out += "$$"; break;
      case '0': {
        int v = 0, n = 0;
        while (n < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') v = v * 8 + (s[++i] - '0'), ++n;
        out.push_back(static_cast<char>(v));
        break;
      }
      default:
        out.push_back('\\');
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

const Entry* EnvFile::Find(std::string_view key) const {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it)
    if (it->key == key) return &*it;
  return nullptr;
}

std::map<std::string, std::string, std::less<>> EnvFile::ToMap() const {
  std::map<std::string, std::string, std::less<>> m;
  for (const Entry& e : entries)
    if (e.value) m[e.key] = *e.value;
  return m;
}

EnvFile Parse(std::string_view text, const ParseOptions& options) {
  EnvFile out;
  std::map<std::string, std::string, std::less<>> defined;
  compose::VarLookup lookup = [&](std::string_view name) -> std::optional<std::string> {
    if (options.environment)
      if (auto v = options.environment(name)) return v;
    auto it = defined.find(name);
    if (it != defined.end()) return it->second;
    return std::nullopt;
  };
  const size_t n = text.size();
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  auto skip_line = [&] {
    while (i < n && !IsEol(text[i])) ++i;
  };
  while (i < n) {
    // Leading whitespace and blank lines.
    while (i < n && (IsBlank(text[i]) || IsEol(text[i]))) ++i;
    if (i >= n) break;
    if (text[i] == '#') {
      skip_line();
      continue;
    }
    Entry e;
    const size_t line_start = i;
    if (text.substr(i, 7) == "export " || text.substr(i, 7) == "export\t") {
      e.exported = true;
      i += 7;
      while (i < n && IsBlank(text[i])) ++i;
    }
    const size_t key_start = i;
    while (i < n && text[i] != '=' && text[i] != ':' && !IsEol(text[i]) && !IsBlank(text[i]) && text[i] != '#') ++i;
    e.key.assign(text.substr(key_start, i - key_start));
    e.key_range = {static_cast<uint32_t>(key_start), static_cast<uint32_t>(i)};
    size_t after_key = i;
    while (i < n && IsBlank(text[i])) ++i;
    if (e.key.empty()) {
      out.errors.push_back({"expected a variable name", {static_cast<uint32_t>(key_start), static_cast<uint32_t>(key_start + 1)}});
      skip_line();
      continue;
    }
    bool bad_key = false;
    for (char c : e.key)
      if (!IsKeyChar(c)) bad_key = true;
    if (bad_key) {
      out.errors.push_back({"invalid character in variable name `" + e.key + "`", e.key_range});
      skip_line();
      continue;
    }
    if (i >= n || IsEol(text[i]) || text[i] == '#') {
      // Bare KEY: inherits from the environment.
      if (i < n && text[i] == '#') skip_line();
      e.value_range = TextRange::At(static_cast<uint32_t>(after_key));
      e.line_range = {static_cast<uint32_t>(line_start), static_cast<uint32_t>(after_key)};
      if (options.environment) e.value = options.environment(e.key);
      out.entries.push_back(std::move(e));
      continue;
    }
    if (text[i] != '=' && text[i] != ':') {
      out.errors.push_back({"variable name `" + e.key + "` contains a space; expected `=` after it",
                            {static_cast<uint32_t>(after_key), static_cast<uint32_t>(i + 1)}});
      skip_line();
      continue;
    }
    ++i;  // '=' or ':'
    while (i < n && IsBlank(text[i])) ++i;
    const size_t vstart = i;
    std::string value;
    if (i < n && (text[i] == '\'' || text[i] == '"') && !options.raw) {
      const char q = text[i];
      e.quote = q == '\'' ? Quote::kSingle : Quote::kDouble;
      size_t j = i + 1;
      bool closed = false;
      while (j < n) {
        if (text[j] == '\\' && j + 1 < n) {
          j += 2;
          continue;
        }
        if (text[j] == q) {
          closed = true;
          break;
        }
        ++j;
      }
      if (!closed) {
        out.errors.push_back({std::string("unterminated ") + (q == '"' ? "double" : "single") + "-quoted value for `" +
                                  e.key + "`",
                              {static_cast<uint32_t>(vstart), static_cast<uint32_t>(n)}});
        i = n;
        break;
      }
      e.raw.assign(text.substr(i + 1, j - i - 1));
      e.value_range = {static_cast<uint32_t>(vstart), static_cast<uint32_t>(j + 1)};
      i = j + 1;
      if (q == '\'') {
        // Literal; `\'` keeps the quote.
        for (size_t k = 0; k < e.raw.size(); ++k) {
          if (e.raw[k] == '\\' && k + 1 < e.raw.size() && e.raw[k + 1] == '\'') ++k;
          value.push_back(e.raw[k]);
        }
        e.value = value;
      } else {
        compose::Interpolated r = compose::Interpolate(DecodeDouble(e.raw), lookup);
        e.value = r.value;
        e.known = r.known;
        e.unknown_variables = r.unknown;
      }
      // Anything after the closing quote must be whitespace or a comment.
      while (i < n && IsBlank(text[i])) ++i;
      if (i < n && !IsEol(text[i]) && text[i] != '#')
        out.errors.push_back({"unexpected text after the quoted value of `" + e.key + "`",
                              {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)}});
      skip_line();
    } else {
      size_t j = i;
      size_t end = i;
      while (j < n && !IsEol(text[j])) {
        if (text[j] == '#' && j > vstart && IsBlank(text[j - 1]) && !options.raw) break;
        if (!IsBlank(text[j])) end = j + 1;
        ++j;
      }
      e.raw.assign(text.substr(vstart, end - vstart));
      e.value_range = {static_cast<uint32_t>(vstart), static_cast<uint32_t>(end)};
      if (options.raw) {
        e.value = e.raw;
      } else {
        compose::Interpolated r = compose::Interpolate(e.raw, lookup);
        e.value = r.value;
        e.known = r.known;
        e.unknown_variables = r.unknown;
      }
      i = j;
      skip_line();
    }
    e.line_range = {static_cast<uint32_t>(line_start), e.value_range.end};
    defined[e.key] = *e.value;
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace shipshape::envfile
