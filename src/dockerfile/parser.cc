// The Dockerfile parser. It follows BuildKit's frontend/dockerfile/parser step by step (line
// scanning, parser directives, continuation handling, comment and empty-line skipping inside
// continuations, heredocs, and the per-instruction argument splitters) so that our AST dump equals
// BuildKit's. Unlike BuildKit it never stops at the first error: errors are recorded and the rest
// of the file is still read, and every piece keeps the byte range it came from.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <numeric>
#include <string>

#include "dockerfile/dockerfile.h"
#include "core/strings.h"
#include "dockerfile/internal.h"

namespace shipshape::dockerfile {
namespace {

// Go's unicode.IsSpace for the ASCII range plus the two Latin-1 spaces (encoded as UTF-8 they are
// multi-byte, and BuildKit's byte-wise loops treat them as non-space; we only need ASCII here).
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
// BuildKit's reWhitespace: [\t\v\f\r ]+ (no \n).
inline bool IsSplitSpace(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

/// One physical line: [start, content_end) is the text without the line terminator,
/// [start, end) includes it.
struct PhysLine {
  uint32_t start, content_end, end;
};

/// A logical string being assembled, with the source offset of each byte.
class Builder {
 public:
  // Whole runs at once: byte-by-byte push_back was a quarter of the parse (bench profile).
  void Append(std::string_view src, uint32_t from, uint32_t to) {
    if (to <= from) return;
    m_.text.append(src.data() + from, to - from);
    const size_t at = m_.offsets.size();
    m_.offsets.resize(at + (to - from));
    std::iota(m_.offsets.begin() + static_cast<std::ptrdiff_t>(at), m_.offsets.end(), from);
  }
  MappedText Finish(uint32_t end_offset) {
    m_.offsets.push_back(end_offset);
    return std::move(m_);
  }

 private:
  MappedText m_;
};

/// Slice of a MappedText: bytes [start, end) of the logical text.
struct Span {
  uint32_t start = 0, end = 0;
  uint32_t size() const { return end - start; }
};

class Parser {
 public:
  explicit Parser(std::string_view src, Dockerfile* df) : src_(src), df_(df) {}

  void Run();

 private:
  // --- line scanning (BuildKit's scanLines keeps the '\n'; trimNewline strips \r and \n) ---
  bool NextLine(PhysLine* line) {
    if (pos_ >= src_.size()) return false;
    uint32_t start = pos_;
    size_t nl = src_.find('\n', pos_);
    uint32_t end = nl == std::string_view::npos ? static_cast<uint32_t>(src_.size())
                                                : static_cast<uint32_t>(nl + 1);
    uint32_t cend = end;
    while (cend > start && (src_[cend - 1] == '\n' || src_[cend - 1] == '\r')) --cend;
    if (cend < end && src_[cend] == '\r') df_->crlf = true;
    pos_ = end;
    *line = {start, cend, end};
    ++line_no_;
    return true;
  }

  uint32_t SkipLeadingSpace(uint32_t from, uint32_t to) const {
    while (from < to && IsSpace(src_[from])) ++from;
    return from;
  }
  bool IsCommentLine(const PhysLine& l) const {
    uint32_t s = SkipLeadingSpace(l.start, l.content_end);
    return s < l.content_end && src_[s] == '#';
  }
  /// Trailing escape + [ \t]* marks a continuation. Returns the new end if it is one.
  bool TrimContinuation(uint32_t start, uint32_t* end) const {
    uint32_t e = *end;
    while (e > start && (src_[e - 1] == ' ' || src_[e - 1] == '\t')) --e;
    // BuildKit: ([^E])E[ \t]*$|^E[ \t]*$ -- an escaped escape token does not continue the line.
    if (e > start && src_[e - 1] == escape_ && (e - 1 == start || src_[e - 2] != escape_)) {
      *end = e - 1;
      return true;
    }
    return false;
  }

  void MaybeDirective(const PhysLine& l, uint32_t start);
  void ParseInstruction(MappedText line, TextRange range, uint32_t first_line_start,
                        std::vector<TextRange> comments, bool had_empty_continuation);
  bool BuildNode(const MappedText& mt, Span span, Instruction* ins, std::string* err, bool top);
  void ReadHeredocs(Instruction* ins);
  void Error(TextRange r, std::string msg) { df_->errors.push_back({r, std::move(msg)}); }

  std::string_view src_;
  Dockerfile* df_;
  uint32_t pos_ = 0;
  uint32_t line_no_ = 0;
  char escape_ = '\\';
  bool directives_done_ = false;
  bool seen_directive_[3] = {false, false, false};
};

// ---------------------------------------------------------------------------------------------
// Parser directives: `# name=value` lines at the very top (a shebang-like `#!` first line is
// allowed). The first line that is not a known directive ends them.
void Parser::MaybeDirective(const PhysLine& l, uint32_t start) {
  if (directives_done_) return;
  std::string_view line = src_.substr(start, l.content_end - start);
  if (line_no_ == 1 && line.substr(0, 2) == "#!") return;
  // ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$
  size_t i = 0;
  auto done = [&] { directives_done_ = true; };
  if (line.empty() || line[0] != '#') return done();
  ++i;
  while (i < line.size() && IsSpace(line[i])) ++i;
  size_t name_start = i;
  if (i >= line.size() || !std::isalpha(static_cast<unsigned char>(line[i]))) return done();
  while (i < line.size() && std::isalnum(static_cast<unsigned char>(line[i]))) ++i;
  size_t name_end = i;
  while (i < line.size() && IsSpace(line[i])) ++i;
  if (i >= line.size() || line[i] != '=') return done();
  ++i;
  while (i < line.size() && IsSpace(line[i])) ++i;
  size_t val_start = i;
  size_t val_end = line.size();
  while (val_end > val_start && IsSpace(line[val_end - 1])) --val_end;
  if (val_end <= val_start) return done();
  std::string name = Lower(line.substr(name_start, name_end - name_start));
  int idx = name == "syntax" ? 0 : name == "escape" ? 1 : name == "check" ? 2 : -1;
  if (idx < 0) return done();
  const TextRange range{start, l.content_end};
  if (seen_directive_[idx]) {
    Error(range, "only one " + name + " parser directive can be used");
    return;
  }
  seen_directive_[idx] = true;
  Directive d;
  d.name = name;
  d.value = std::string(line.substr(val_start, val_end - val_start));
  d.range = range;
  d.value_range = {static_cast<uint32_t>(start + val_start), static_cast<uint32_t>(start + val_end)};
  if (idx == 1) {
    if (d.value == "`" || d.value == "\\") {
      escape_ = d.value[0];
      df_->escape = escape_;
    } else {
      Error(d.value_range, "invalid escape '" + d.value + "': must be ` or \\");
    }
  }
  df_->directives.push_back(std::move(d));
}

void Parser::Run() {
  // A UTF-8 byte-order mark is dropped, as BuildKit does; offsets still count it.
  if (src_.size() >= 3 && src_.substr(0, 3) == "\xEF\xBB\xBF") {
    df_->has_bom = true;
    pos_ = 3;
  }
  std::vector<TextRange> pending_comments;
  PhysLine l;
  while (NextLine(&l)) {
    uint32_t start = SkipLeadingSpace(l.start, l.content_end);
    MaybeDirective(l, start);
    const bool comment = start < l.content_end && src_[start] == '#';
    if (comment) {
      bool is_directive = !df_->directives.empty() && df_->directives.back().range.start == start;
      if (!is_directive) df_->comments.push_back({start, l.content_end});
      if (!is_directive) pending_comments.push_back({start, l.content_end});
      continue;
    }
    uint32_t end = l.content_end;
    const bool cont = TrimContinuation(start, &end);
    if (!cont && start == end) {
      pending_comments.clear();  // a blank line separates comments from the next instruction
      continue;
    }
    Builder b;
    b.Append(src_, start, end);
    uint32_t last_end = l.content_end;
    bool end_of_line = !cont;
    bool had_empty_continuation = false;
    while (!end_of_line && NextLine(&l)) {
      // Continuation lines keep their leading whitespace; directives can still be seen here
      // (BuildKit calls the directive parser on every line), which only ever ends them.
      MaybeDirective(l, l.start);
      if (IsCommentLine(l)) {
        uint32_t cs = SkipLeadingSpace(l.start, l.content_end);
        df_->comments.push_back({cs, l.content_end});
        continue;
      }
      if (SkipLeadingSpace(l.start, l.content_end) == l.content_end) {
        had_empty_continuation = true;
        df_->empty_continuation_lines.push_back({l.start, l.end});
        continue;
      }
      uint32_t e = l.content_end;
      end_of_line = !TrimContinuation(l.start, &e);
      b.Append(src_, l.start, e);
      last_end = l.content_end;
    }
    ParseInstruction(b.Finish(last_end), {start, last_end}, start, std::move(pending_comments),
                     had_empty_continuation);
    pending_comments.clear();
  }
  if (df_->instructions.empty() && df_->errors.empty()) {
    Error(TextRange::At(static_cast<uint32_t>(src_.size())), "file with no instructions");
  }
}

// ---------------------------------------------------------------------------------------------
// Argument splitters, each a position-tracking version of BuildKit's.

/// extractBuilderFlags: leading `--flag` words. Returns where the rest starts.
uint32_t ExtractFlags(const MappedText& mt, Span s, std::vector<Flag>* flags,
                      std::string_view src) {
  const std::string& t = mt.text;
  uint32_t pos = s.start;
  for (;;) {
    while (pos < s.end && IsSpace(t[pos])) ++pos;
    if (pos >= s.end) return s.end;
    if (t[pos] != '-' || pos + 1 >= s.end || t[pos + 1] != '-') return pos;
    // In a word starting with "--".
    uint32_t word_start = pos;
    std::string word;
    bool blank_ok = false;
    char quote = 0;
    bool in_quote = false;
    while (pos < s.end) {
      char ch = t[pos];
      if (!in_quote) {
        if (IsSpace(ch)) break;
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blank_ok = true;
          in_quote = true;
          ++pos;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == s.end) {
            ++pos;
            continue;
          }
          ++pos;
          ch = t[pos];
        }
        word += ch;
        ++pos;
      } else {
        if (ch == quote) {
          in_quote = false;
          ++pos;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == s.end) {
            in_quote = false;
            ++pos;
            continue;
          }
          ++pos;
          ch = t[pos];
        }
        word += ch;
        ++pos;
      }
    }
    if (word == "--") {
      // `--` ends the flags; the rest starts after it (BuildKit returns line[pos:], and the
      // caller trims).
      return pos;
    }
    if (blank_ok || !word.empty()) {
      Flag f;
      f.range = mt.SourceRange(word_start, pos);
      std::string_view raw = f.range.Of(src);
      (void)raw;
      size_t eq = word.find('=');
      // Name is a view into the source when it is plain (the usual case); we keep it as a
      // substring of the stored flag word otherwise.
      f.value = eq == std::string::npos ? std::string() : word.substr(eq + 1);
      f.has_value = eq != std::string::npos;
      // Locate the name in the logical text: after the two dashes up to '=' or word end.
      uint32_t name_start = word_start + 2;
      uint32_t name_end = name_start;
      while (name_end < pos && t[name_end] != '=' && !IsSpace(t[name_end])) ++name_end;
      f.name = mt.SourceRange(name_start, name_end).Of(src);
      if (f.has_value) f.value_range = mt.SourceRange(std::min(name_end + 1, pos), pos);
      else f.value_range = TextRange::At(f.range.end);
      flags->push_back(std::move(f));
    }
    if (pos >= s.end) return s.end;
  }
}

Span Trim(const std::string& t, Span s) {
  while (s.start < s.end && IsSpace(t[s.start])) ++s.start;
  while (s.end > s.start && IsSpace(t[s.end - 1])) --s.end;
  return s;
}

/// reWhitespace.Split(rest, -1)
void SplitWhitespace(const MappedText& mt, Span s, std::vector<Arg>* out) {
  const std::string& t = mt.text;
  uint32_t i = s.start;
  for (;;) {
    uint32_t j = i;
    while (j < s.end && !IsSplitSpace(t[j])) ++j;
    out->push_back({t.substr(i, j - i), mt.SourceRange(i, j)});
    if (j >= s.end) break;
    while (j < s.end && IsSplitSpace(t[j])) ++j;
    i = j;
  }
}

/// Decodes one UTF-8 sequence starting at t[i]; returns its length (1 for invalid bytes).
uint32_t Utf8Len(const std::string& t, uint32_t i, uint32_t end) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  uint32_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > end) return 1;
  for (uint32_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

struct WordSpan {
  std::string value;
  Span span;
};

/// parseWords: whitespace-separated words; quotes are kept, escapes kept.
std::vector<WordSpan> ParseWords(const MappedText& mt, Span s, char escape) {
  const std::string& t = mt.text;
  std::vector<WordSpan> words;
  enum { kSpaces, kWord, kQuote } phase = kSpaces;
  std::string word;
  uint32_t word_start = 0;
  char quote = 0;
  bool blank_ok = false;
  uint32_t pos = s.start;
  while (true) {
    if (pos >= s.end) {
      if (phase != kSpaces && (blank_ok || !word.empty()))
        words.push_back({word, {word_start, s.end}});
      break;
    }
    uint32_t w = Utf8Len(t, pos, s.end);
    char ch = t[pos];
    if (phase == kSpaces) {
      if (IsSpace(ch)) {
        pos += w;
        continue;
      }
      phase = kWord;
      word_start = pos;
    }
    if (phase == kWord) {
      if (IsSpace(ch)) {
        phase = kSpaces;
        if (blank_ok || !word.empty()) words.push_back({word, {word_start, pos}});
        word.clear();
        blank_ok = false;
        pos += w;
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        blank_ok = true;
        phase = kQuote;
      }
      if (ch == escape) {
        if (pos + w == s.end) {
          pos += w;
          continue;
        }
        word.append(t, pos, w);
        pos += w;
        w = Utf8Len(t, pos, s.end);
      }
      word.append(t, pos, w);
      pos += w;
      continue;
    }
    // kQuote
    if (ch == quote) phase = kWord;
    if (ch == escape && quote != '\'') {
      if (pos + w == s.end) {
        phase = kWord;
        pos += w;
        continue;
      }
      word.append(t, pos, w);
      pos += w;
      w = Utf8Len(t, pos, s.end);
    }
    word.append(t, pos, w);
    pos += w;
  }
  return words;
}

// --- A strict JSON array-of-strings reader (Go's json.Unmarshal into []interface{}) ----------
enum class JsonResult { kOk, kNotJson, kNotStringArray };

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class JsonReader {
 public:
  JsonReader(const std::string& t, Span s) : t_(t), i_(s.start), end_(s.end) {}

  JsonResult ReadStringArray(const MappedText& mt, std::vector<Arg>* out) {
    Ws();
    if (!Eat('[')) return JsonResult::kNotJson;
    bool not_string = false;
    Ws();
    if (Eat(']')) return Finish(not_string);
    for (;;) {
      Ws();
      if (i_ >= end_) return JsonResult::kNotJson;
      if (t_[i_] == '"') {
        uint32_t st = i_;
        std::string v;
        if (!String(&v)) return JsonResult::kNotJson;
        out->push_back({std::move(v), mt.SourceRange(st, i_)});
      } else {
        if (!Value()) return JsonResult::kNotJson;
        not_string = true;
      }
      Ws();
      if (Eat(',')) continue;
      if (Eat(']')) return Finish(not_string);
      return JsonResult::kNotJson;
    }
  }

 private:
  JsonResult Finish(bool not_string) {
    Ws();
    if (i_ != end_) return JsonResult::kNotJson;
    return not_string ? JsonResult::kNotStringArray : JsonResult::kOk;
  }
  void Ws() {
    while (i_ < end_ && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }
  bool Eat(char c) {
    if (i_ < end_ && t_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool Hex4(uint32_t* cp) {
    if (i_ + 4 > end_) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = t_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return false;
    }
    *cp = v;
    return true;
  }
  bool String(std::string* out) {
    ++i_;  // opening quote
    while (i_ < end_) {
      unsigned char c = static_cast<unsigned char>(t_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        ++i_;
        if (i_ >= end_) return false;
        char e = t_[i_++];
        switch (e) {
          case '"': out->push_back('"'); break;
          case '\\': out->push_back('\\'); break;
          case '/': out->push_back('/'); break;
          case 'b': out->push_back('\b'); break;
          case 'f': out->push_back('\f'); break;
          case 'n': out->push_back('\n'); break;
          case 'r': out->push_back('\r'); break;
          case 't': out->push_back('\t'); break;
          case 'u': {
            uint32_t cp;
            if (!Hex4(&cp)) return false;
            if (cp >= 0xD800 && cp < 0xDC00) {
              uint32_t save = i_, lo;
              if (i_ + 1 < end_ && t_[i_] == '\\' && t_[i_ + 1] == 'u') {
                i_ += 2;
                if (Hex4(&lo) && lo >= 0xDC00 && lo < 0xE000) {
                  cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else {
                  i_ = save;
                  cp = 0xFFFD;
                }
              } else {
                cp = 0xFFFD;
              }
            } else if (cp >= 0xDC00 && cp < 0xE000) {
              cp = 0xFFFD;
            }
            AppendUtf8(out, cp);
            break;
          }
          default: return false;
        }
        continue;
      }
      // Go replaces invalid UTF-8 with U+FFFD.
      uint32_t n = Utf8Len(t_, i_, end_);
      if (n == 1 && c >= 0x80) {
        AppendUtf8(out, 0xFFFD);
        ++i_;
      } else {
        out->append(t_, i_, n);
        i_ += n;
      }
    }
    return false;
  }
  bool Literal(std::string_view w) {
    if (t_.compare(i_, w.size(), w) == 0 && i_ + w.size() <= end_) {
      i_ += static_cast<uint32_t>(w.size());
      return true;
    }
    return false;
  }
  bool Number() {
    uint32_t st = i_;
    Eat('-');
    if (i_ >= end_ || !std::isdigit(static_cast<unsigned char>(t_[i_]))) return false;
    if (t_[i_] == '0') ++i_;
    else while (i_ < end_ && std::isdigit(static_cast<unsigned char>(t_[i_]))) ++i_;
    if (Eat('.')) {
      if (i_ >= end_ || !std::isdigit(static_cast<unsigned char>(t_[i_]))) return false;
      while (i_ < end_ && std::isdigit(static_cast<unsigned char>(t_[i_]))) ++i_;
    }
    if (i_ < end_ && (t_[i_] == 'e' || t_[i_] == 'E')) {
      ++i_;
      if (i_ < end_ && (t_[i_] == '+' || t_[i_] == '-')) ++i_;
      if (i_ >= end_ || !std::isdigit(static_cast<unsigned char>(t_[i_]))) return false;
      while (i_ < end_ && std::isdigit(static_cast<unsigned char>(t_[i_]))) ++i_;
    }
    return i_ > st;
  }
  // Any JSON value, bounded nesting.
  bool Value(int depth = 0) {
    if (depth > 200) return false;
    Ws();
    if (i_ >= end_) return false;
    char c = t_[i_];
    if (c == '"') {
      std::string ignored;
      return String(&ignored);
    }
    if (c == '[') {
      ++i_;
      Ws();
      if (Eat(']')) return true;
      for (;;) {
        if (!Value(depth + 1)) return false;
        Ws();
        if (Eat(',')) continue;
        return Eat(']');
      }
    }
    if (c == '{') {
      ++i_;
      Ws();
      if (Eat('}')) return true;
      for (;;) {
        Ws();
        if (i_ >= end_ || t_[i_] != '"') return false;
        std::string k;
        if (!String(&k)) return false;
        Ws();
        if (!Eat(':')) return false;
        if (!Value(depth + 1)) return false;
        Ws();
        if (Eat(',')) continue;
        return Eat('}');
      }
    }
    if (Literal("true") || Literal("false") || Literal("null")) return true;
    return Number();
  }

  const std::string& t_;
  uint32_t i_, end_;
};

/// parseJSON: the rest (left-trimmed) must start with '['.
JsonResult ParseJson(const MappedText& mt, Span s, std::vector<Arg>* out) {
  while (s.start < s.end && IsSpace(mt.text[s.start])) ++s.start;
  if (s.start >= s.end || mt.text[s.start] != '[') return JsonResult::kNotJson;
  std::vector<Arg> args;
  JsonReader r(mt.text, s);
  JsonResult res = r.ReadStringArray(mt, &args);
  if (res == JsonResult::kOk) out->insert(out->end(), args.begin(), args.end());
  return res;
}

const char* const kNotStringArray =
    "exec form must be a JSON array of strings, e.g. [\"/bin/app\", \"--flag\"]";

}  // namespace

// ---------------------------------------------------------------------------------------------

Keyword KeywordFromString(std::string_view k) {
  static const struct {
    const char* name;
    Keyword kw;
  } kTable[] = {
      {"add", Keyword::kAdd},           {"arg", Keyword::kArg},
      {"cmd", Keyword::kCmd},           {"copy", Keyword::kCopy},
      {"entrypoint", Keyword::kEntrypoint}, {"env", Keyword::kEnv},
      {"expose", Keyword::kExpose},     {"from", Keyword::kFrom},
      {"healthcheck", Keyword::kHealthcheck}, {"label", Keyword::kLabel},
      {"maintainer", Keyword::kMaintainer}, {"onbuild", Keyword::kOnbuild},
      {"run", Keyword::kRun},           {"shell", Keyword::kShell},
      {"stopsignal", Keyword::kStopsignal}, {"user", Keyword::kUser},
      {"volume", Keyword::kVolume},     {"workdir", Keyword::kWorkdir},
  };
  for (const auto& e : kTable)
    if (k == e.name) return e.kw;
  return Keyword::kUnknown;
}

namespace {

/// Key/value parsing shared by ENV and LABEL (parseNameVal).
bool ParseNameVal(const MappedText& mt, Span rest, Instruction* ins, char escape,
                  std::string_view what, std::string* err) {
  std::vector<WordSpan> words = ParseWords(mt, rest, escape);
  if (words.empty()) return true;
  if (words[0].value.find('=') == std::string::npos) {
    // Legacy `KEY value`: split the rest at the first whitespace run.
    const std::string& t = mt.text;
    uint32_t i = rest.start;
    while (i < rest.end && !IsSplitSpace(t[i])) ++i;
    if (i >= rest.end) {
      *err = std::string(what) + " must have two arguments";
      return false;
    }
    uint32_t j = i;
    while (j < rest.end && IsSplitSpace(t[j])) ++j;
    KeyValue kv;
    kv.key = t.substr(rest.start, i - rest.start);
    kv.value = t.substr(j, rest.end - j);
    kv.key_range = mt.SourceRange(rest.start, i);
    kv.value_range = mt.SourceRange(j, rest.end);
    kv.has_value = true;
    kv.legacy = true;
    ins->args.push_back({kv.key, kv.key_range});
    ins->args.push_back({kv.value, kv.value_range});
    ins->args.push_back({"", TextRange::At(kv.value_range.end)});
    ins->pairs.push_back(std::move(kv));
    return true;
  }
  for (const WordSpan& w : words) {
    size_t eq = w.value.find('=');
    if (eq == std::string::npos) {
      *err = "syntax error: can't find = in \"" + w.value + "\"; must be of the form name=value";
      return false;
    }
    KeyValue kv;
    kv.key = w.value.substr(0, eq);
    kv.value = w.value.substr(eq + 1);
    // Find '=' in the logical text (the word keeps escapes, so positions line up until '=').
    uint32_t eq_pos = w.span.start;
    while (eq_pos < w.span.end && mt.text[eq_pos] != '=') ++eq_pos;
    kv.key_range = mt.SourceRange(w.span.start, eq_pos);
    kv.value_range = mt.SourceRange(eq_pos + 1, w.span.end);
    if (eq_pos + 1 >= w.span.end) kv.value_range = TextRange::At(kv.key_range.end + 1);
    kv.has_value = true;
    ins->args.push_back({kv.key, kv.key_range});
    ins->args.push_back({kv.value, kv.value_range});
    ins->args.push_back({"=", mt.SourceRange(eq_pos, eq_pos + 1)});
    ins->pairs.push_back(std::move(kv));
  }
  return true;
}

}  // namespace

/// newNodeFromLine: splits keyword, flags and arguments of one logical line.
bool Parser::BuildNode(const MappedText& mt, Span span, Instruction* ins, std::string* err,
                       bool top) {
  const std::string& t = mt.text;
  Span line = Trim(t, span);
  // Keyword: up to the first [\t\v\f\r ] run.
  uint32_t k_end = line.start;
  while (k_end < line.end && !IsSplitSpace(t[k_end])) ++k_end;
  ins->keyword = Lower(std::string_view(t).substr(line.start, k_end - line.start));
  ins->keyword_range = mt.SourceRange(line.start, k_end);
  ins->kind = KeywordFromString(ins->keyword);
  Span rest{k_end, line.end};
  if (k_end < line.end) {
    uint32_t r = k_end;
    while (r < line.end && IsSplitSpace(t[r])) ++r;
    rest.start = ExtractFlags(mt, {r, line.end}, &ins->flags, src_);
  }
  rest = Trim(t, rest);
  // `rest` as its own MappedText, for rules and the shell parser.
  ins->rest.text = t.substr(rest.start, rest.size());
  ins->rest.offsets.assign(mt.offsets.begin() + rest.start, mt.offsets.begin() + rest.end);
  ins->rest.offsets.push_back(rest.size() ? mt.offsets[rest.end - 1] + 1 : mt.offsets[rest.start]);
  const std::string_view rest_text = std::string_view(t).substr(rest.start, rest.size());

  auto maybe_json = [&](bool to_list) -> bool {
    if (rest.size() == 0 && !to_list) return true;
    JsonResult jr = ParseJson(mt, rest, &ins->args);
    if (jr == JsonResult::kOk) {
      ins->json_form = true;
      return true;
    }
    if (jr == JsonResult::kNotStringArray) {
      *err = kNotStringArray;
      return false;
    }
    if (to_list) {
      if (rest.size()) SplitWhitespace(mt, rest, &ins->args);
    } else {
      ins->args.push_back({std::string(rest_text), mt.SourceRange(rest.start, rest.end)});
    }
    return true;
  };

  switch (ins->kind) {
    case Keyword::kAdd:
    case Keyword::kCopy:
    case Keyword::kVolume:
      return maybe_json(true);
    case Keyword::kCmd:
    case Keyword::kEntrypoint:
    case Keyword::kRun:
    case Keyword::kShell:
      return maybe_json(false);
    case Keyword::kExpose:
    case Keyword::kFrom:
      if (rest.size()) SplitWhitespace(mt, rest, &ins->args);
      return true;
    case Keyword::kMaintainer:
    case Keyword::kStopsignal:
    case Keyword::kUser:
    case Keyword::kWorkdir:
      if (rest.size())
        ins->args.push_back({std::string(rest_text), mt.SourceRange(rest.start, rest.end)});
      return true;
    case Keyword::kEnv:
      return ParseNameVal(mt, rest, ins, escape_, "ENV", err);
    case Keyword::kLabel:
      return ParseNameVal(mt, rest, ins, escape_, "LABEL", err);
    case Keyword::kArg: {
      for (WordSpan& w : ParseWords(mt, rest, escape_)) {
        KeyValue kv;
        size_t eq = w.value.find('=');
        uint32_t eq_pos = w.span.start;
        while (eq_pos < w.span.end && t[eq_pos] != '=') ++eq_pos;
        kv.key = w.value.substr(0, eq);
        kv.key_range = mt.SourceRange(w.span.start, eq_pos);
        if (eq != std::string::npos) {
          kv.value = w.value.substr(eq + 1);
          kv.has_value = true;
          kv.value_range = eq_pos + 1 < w.span.end ? mt.SourceRange(eq_pos + 1, w.span.end)
                                                   : TextRange::At(kv.key_range.end + 1);
        } else {
          kv.value_range = TextRange::At(kv.key_range.end);
        }
        ins->args.push_back({w.value, mt.SourceRange(w.span.start, w.span.end)});
        ins->pairs.push_back(std::move(kv));
      }
      return true;
    }
    case Keyword::kHealthcheck: {
      if (rest.size() == 0) return true;
      uint32_t sep = rest.start;
      while (sep < rest.end && !IsSpace(t[sep])) ++sep;
      uint32_t next = sep;
      while (next < rest.end && IsSpace(t[next])) ++next;
      ins->args.push_back({t.substr(rest.start, sep - rest.start), mt.SourceRange(rest.start, sep)});
      Span cmd{next, rest.end};
      if (cmd.size() == 0) return true;
      JsonResult jr = ParseJson(mt, cmd, &ins->args);
      if (jr == JsonResult::kOk) {
        ins->json_form = true;
        return true;
      }
      if (jr == JsonResult::kNotStringArray) {
        *err = kNotStringArray;
        return false;
      }
      ins->args.push_back({t.substr(cmd.start, cmd.size()), mt.SourceRange(cmd.start, cmd.end)});
      return true;
    }
    case Keyword::kOnbuild: {
      if (!top) {
        // BuildKit parses nested ONBUILD fine; the instruction layer rejects it. Keep parsing.
      }
      if (rest.size() == 0) return true;
      auto child = std::make_unique<Instruction>();
      if (!BuildNode(mt, rest, child.get(), err, false)) return false;
      child->range = mt.SourceRange(rest.start, rest.end);
      ins->onbuild = std::move(child);
      return true;
    }
    case Keyword::kUnknown:
      // BuildKit's parser accepts unknown instructions (parseIgnore); the build then fails.
      ins->args.push_back({"", TextRange::At(ins->keyword_range.end)});
      return true;
  }
  return true;
}

namespace {

/// Splits a line into shell words the way BuildKit's lexer does for heredoc detection (raw
/// quotes and escapes kept), returning each word's logical span.
std::vector<Span> RawShellWords(const std::string& t) {
  std::vector<Span> out;
  uint32_t i = 0, n = static_cast<uint32_t>(t.size());
  while (i < n) {
    while (i < n && IsSpace(t[i])) ++i;
    if (i >= n) break;
    uint32_t st = i;
    while (i < n && !IsSpace(t[i])) {
      char c = t[i];
      if (c == '\\' && i + 1 < n) {
        i += 2;
      } else if (c == '\'') {
        ++i;
        while (i < n && t[i] != '\'') ++i;
        if (i < n) ++i;
      } else if (c == '"') {
        ++i;
        while (i < n && t[i] != '"') {
          if (t[i] == '\\' && i + 1 < n) ++i;
          ++i;
        }
        if (i < n) ++i;
      } else {
        ++i;
      }
    }
    out.push_back({st, i});
  }
  return out;
}

/// Removes quotes and escapes from a heredoc delimiter word.
std::string Unquote(std::string_view w, bool* had_quotes) {
  std::string out;
  *had_quotes = false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (c == '\\' && i + 1 < w.size()) {
      out += w[++i];
      *had_quotes = true;  // an escaped delimiter is treated as quoted by sh
    } else if (c == '\'' || c == '"') {
      *had_quotes = true;
      size_t j = w.find(c, i + 1);
      if (j == std::string_view::npos) j = w.size();
      out.append(w.substr(i + 1, j - i - 1));
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void Parser::ReadHeredocs(Instruction* ins) {
  // Heredoc markers: words matching ^(\d*)<<(-?)([^<]*)$ with a non-empty single-word name.
  const MappedText& mt = ins->rest;
  std::vector<Heredoc> docs;
  // BuildKit scans the whole logical line (keyword and flags included); markers cannot be in
  // either, so the rest suffices.
  for (Span w : RawShellWords(mt.text)) {
    std::string_view word = std::string_view(mt.text).substr(w.start, w.size());
    size_t i = 0;
    while (i < word.size() && std::isdigit(static_cast<unsigned char>(word[i]))) ++i;
    if (word.substr(i, 2) != "<<") continue;
    i += 2;
    bool chomp = false;
    if (i < word.size() && word[i] == '-') {
      chomp = true;
      ++i;
    }
    std::string_view name_raw = word.substr(i);
    if (name_raw.empty() || name_raw.find('<') != std::string_view::npos) continue;
    Heredoc h;
    bool quoted = false;
    h.name = Unquote(name_raw, &quoted);
    if (h.name.empty()) continue;
    h.expand = !quoted;
    h.chomp = chomp;
    h.marker = mt.SourceRange(w.start, w.end);
    docs.push_back(std::move(h));
  }
  for (Heredoc& h : docs) {
    PhysLine l;
    bool terminated = false;
    uint32_t body_start = pos_;
    uint32_t body_end = pos_;
    while (NextLine(&l)) {
      std::string_view content = src_.substr(l.start, l.content_end - l.start);
      if (h.chomp) {
        size_t k = 0;
        while (k < content.size() && content[k] == '\t') ++k;
        content = content.substr(k);
      }
      if (content == h.name) {
        terminated = true;
        ins->range.end = l.content_end;
        break;
      }
      std::string_view line = src_.substr(l.start, l.end - l.start);
      if (h.chomp) {
        size_t k = 0;
        while (k < line.size() && line[k] == '\t') ++k;
        line = line.substr(k);
      }
      h.content.append(line);
      body_end = l.end;
    }
    h.body = {body_start, body_end};
    if (!terminated) {
      Error({h.marker.start, static_cast<uint32_t>(src_.size())},
            "unterminated heredoc: no line \"" + h.name + "\" closes it");
      ins->range.end = static_cast<uint32_t>(src_.size());
    }
    ins->heredocs.push_back(std::move(h));
    if (!terminated) break;
  }
}

void Parser::ParseInstruction(MappedText line, TextRange range, uint32_t /*first_line_start*/,
                              std::vector<TextRange> comments, bool had_empty_continuation) {
  Instruction ins;
  ins.range = range;
  ins.leading_comments = std::move(comments);
  std::string err;
  const Span all{0, static_cast<uint32_t>(line.text.size())};
  if (!BuildNode(line, all, &ins, &err, true)) {
    Error(range, err);
    // Keep the instruction so rules can still see the keyword; its args are partial.
  }
  (void)had_empty_continuation;
  if ((ins.kind == Keyword::kRun || ins.kind == Keyword::kCopy || ins.kind == Keyword::kAdd) &&
      ins.rest.text.find("<<") != std::string::npos) {
    ReadHeredocs(&ins);
  }
  df_->instructions.push_back(std::move(ins));
}

}  // namespace shipshape::dockerfile

namespace shipshape::dockerfile {

std::unique_ptr<Dockerfile> Parse(std::string_view source) {
  auto df = std::make_unique<Dockerfile>();
  df->source = source;
  Parser(source, df.get()).Run();
  internal::Analyze(df.get());
  return df;
}

}  // namespace shipshape::dockerfile
