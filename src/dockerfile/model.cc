// Everything above the raw syntax: stages, ARG scope, the semantic errors BuildKit's instruction
// layer raises, variable expansion, image references and the BuildKit AST dump.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "dockerfile/dockerfile.h"
#include "core/strings.h"
#include "dockerfile/internal.h"

namespace shipshape::dockerfile {
namespace {

bool IsNumber(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Go's strconv.Quote.
void GoQuote(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': *out += "\\\""; break;
        case '\\': *out += "\\\\"; break;
        case '\a': *out += "\\a"; break;
        case '\b': *out += "\\b"; break;
        case '\f': *out += "\\f"; break;
        case '\n': *out += "\\n"; break;
        case '\r': *out += "\\r"; break;
        case '\t': *out += "\\t"; break;
        case '\v': *out += "\\v"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            *out += "\\x";
            out->push_back(kHex[c >> 4]);
            out->push_back(kHex[c & 15]);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    // Decode UTF-8.
    uint32_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool valid = n && i + n <= s.size();
    uint32_t cp = 0;
    if (valid) {
      cp = c & (0xFF >> (n + 1));
      for (uint32_t k = 1; k < n; ++k) {
        unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
          valid = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      // Overlong encodings and surrogates are invalid in Go too.
      if (valid && ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
                    (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF))
        valid = false;
    }
    if (!valid) {
      *out += "\\x";
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
      ++i;
      continue;
    }
    // Non-printable code points (the common ones: C1 controls, spaces other than ASCII space,
    // format characters) are escaped like Go does.
    bool printable = !(cp < 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
                       (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
                       cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
                       (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0x1680);
    if (printable) {
      out->append(s.substr(i, n));
    } else if (cp < 0x10000) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      *out += buf;
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
      *out += buf;
    }
    i += n;
  }
  out->push_back('"');
}

void DumpInstruction(const Instruction& ins, std::string* out) {
  std::string s = ins.keyword;
  if (!ins.flags.empty()) {
    s += " [";
    for (size_t i = 0; i < ins.flags.size(); ++i) {
      if (i) s += ' ';
      std::string word = "--" + std::string(ins.flags[i].name);
      if (ins.flags[i].has_value) word += "=" + ins.flags[i].value;
      GoQuote(word, &s);
    }
    s += "]";
  }
  if (ins.onbuild) {
    s += " (";
    DumpInstruction(*ins.onbuild, &s);
    s += ")";
  } else {
    for (const Arg& a : ins.args) {
      s += ' ';
      GoQuote(a.value, &s);
    }
  }
  // BuildKit trims the node's dump.
  size_t b = s.find_first_not_of(" \t\n");
  size_t e = s.find_last_not_of(" \t\n");
  if (b != std::string::npos) out->append(s, b, e - b + 1);
}

void AddSemantic(Dockerfile* df, TextRange r, std::string msg,
                 SyntaxError::Kind kind = SyntaxError::Kind::kOther) {
  // After a parser error BuildKit stops; follow-on complaints would only repeat it.
  if (!df->errors.empty()) return;
  df->semantic_errors.push_back({r, std::move(msg), kind});
}

}  // namespace

std::string DumpBuildkit(const Dockerfile& df) {
  if (!df.errors.empty()) return {};
  std::string out;
  for (const Instruction& ins : df.instructions) {
    out += '(';
    DumpInstruction(ins, &out);
    out += ")\n";
  }
  // BuildKit's root Dump() is trimmed and the test adds one "\n".
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  out += '\n';
  return out;
}

const Stage* Dockerfile::FindStage(std::string_view name_or_index) const {
  std::string n = Lower(name_or_index);
  for (const Stage& s : stages)
    if (!s.name.empty() && s.name == n) return &s;
  if (IsNumber(n) && n.size() < 6) {
    // Numbers count FROM instructions; an implicit stage (a fragment's head) has none.
    size_t idx = std::stoul(n) + (!stages.empty() && stages[0].implicit ? 1 : 0);
    if (idx < stages.size()) return &stages[idx];
  }
  return nullptr;
}

ImageRef ParseImageRef(std::string_view ref) {
  ImageRef r;
  r.has_variable = ref.find('$') != std::string_view::npos;
  size_t at = ref.find('@');
  if (at != std::string_view::npos) {
    r.digest = std::string(ref.substr(at + 1));
    ref = ref.substr(0, at);
  }
  size_t slash = ref.find('/');
  if (slash != std::string_view::npos) {
    std::string_view first = ref.substr(0, slash);
    if (first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos ||
        first == "localhost") {
      r.registry = std::string(first);
      ref = ref.substr(slash + 1);
    }
  }
  size_t last_slash = ref.rfind('/');
  size_t colon = ref.rfind(':');
  if (colon != std::string_view::npos &&
      (last_slash == std::string_view::npos || colon > last_slash)) {
    r.tag = std::string(ref.substr(colon + 1));
    ref = ref.substr(0, colon);
  }
  if (r.registry == "docker.io" || r.registry == "index.docker.io" ||
      r.registry == "registry-1.docker.io")
    r.registry.clear();
  if (r.registry.empty() && ref.substr(0, 8) == "library/") ref = ref.substr(8);
  r.repository = Lower(ref);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Word expansion, after BuildKit's shell lexer (ProcessWord) for non-RUN instructions.
namespace {

class Expander {
 public:
  Expander(std::string_view w, char esc, const VarLookup& lookup, std::vector<std::string>* unres)
      : w_(w), esc_(esc), lookup_(lookup), unresolved_(unres) {}

  std::string Run(char stop = 0, int depth = 0) {
    std::string out;
    while (i_ < w_.size()) {
      char c = w_[i_];
      if (stop && c == stop) return out;
      if (c == esc_) {
        ++i_;
        if (i_ < w_.size()) out += w_[i_++];
      } else if (c == '\'') {
        ++i_;
        while (i_ < w_.size() && w_[i_] != '\'') out += w_[i_++];
        if (i_ < w_.size()) ++i_;
      } else if (c == '"') {
        ++i_;
        while (i_ < w_.size() && w_[i_] != '"') {
          char d = w_[i_];
          if (d == esc_ && i_ + 1 < w_.size() &&
              (w_[i_ + 1] == '"' || w_[i_ + 1] == '$' || w_[i_ + 1] == esc_)) {
            out += w_[i_ + 1];
            i_ += 2;
          } else if (d == '$') {
            out += Dollar(depth);
          } else {
            out += d;
            ++i_;
          }
        }
        if (i_ < w_.size()) ++i_;
      } else if (c == '$') {
        out += Dollar(depth);
      } else {
        out += c;
        ++i_;
      }
    }
    return out;
  }

 private:
  static bool NameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

  std::optional<std::string> Get(std::string_view name) { return lookup_(name); }

  void Unresolved(std::string_view name) {
    if (unresolved_) unresolved_->emplace_back(name);
  }

  std::string Dollar(int depth) {
    ++i_;  // '$'
    if (i_ >= w_.size()) return "$";
    if (w_[i_] == '{') {
      ++i_;
      size_t st = i_;
      while (i_ < w_.size() && NameChar(w_[i_])) ++i_;
      std::string name(w_.substr(st, i_ - st));
      if (i_ >= w_.size()) return {};
      char c = w_[i_];
      if (c == '}') {
        ++i_;
        auto v = Get(name);
        if (!v) Unresolved(name);
        return v.value_or("");
      }
      bool colon = false;
      if (c == ':') {
        colon = true;
        ++i_;
        if (i_ >= w_.size()) return {};
        c = w_[i_];
      }
      if (c != '-' && c != '+' && c != '?' && c != '#' && c != '%' && c != '/') {
        // Unsupported modifier: skip to the closing brace.
        while (i_ < w_.size() && w_[i_] != '}') ++i_;
        if (i_ < w_.size()) ++i_;
        return {};
      }
      ++i_;
      // The word after the modifier may itself contain expansions.
      std::string word = depth < 16 ? Run('}', depth + 1) : std::string();
      if (i_ < w_.size() && w_[i_] == '}') ++i_;
      auto v = Get(name);
      const bool set = v.has_value();
      const bool set_nonempty = set && !v->empty();
      switch (c) {
        case '-':
          return (colon ? set_nonempty : set) ? *v : word;
        case '+':
          return (colon ? set_nonempty : set) ? word : std::string();
        case '?':
          if (!(colon ? set_nonempty : set)) Unresolved(name);
          return v.value_or("");
        default:
          // Pattern removal/substitution: keep the value (good enough for image references).
          if (!set) Unresolved(name);
          return v.value_or("");
      }
    }
    size_t st = i_;
    while (i_ < w_.size() && NameChar(w_[i_])) ++i_;
    if (i_ == st) return "$";
    std::string name(w_.substr(st, i_ - st));
    auto v = Get(name);
    if (!v) Unresolved(name);
    return v.value_or("");
  }

  std::string_view w_;
  char esc_;
  const VarLookup& lookup_;
  std::vector<std::string>* unresolved_;
  size_t i_ = 0;
};

}  // namespace

std::string ExpandWord(std::string_view word, char escape, const VarLookup& lookup,
                       std::vector<std::string>* unresolved) {
  return Expander(word, escape, lookup, unresolved).Run();
}

// ---------------------------------------------------------------------------------------------
namespace internal {

void Analyze(Dockerfile* df) {
  std::map<std::string, std::optional<std::string>> global_args;
  auto lookup = [&](std::string_view name) -> std::optional<std::string> {
    auto it = global_args.find(std::string(name));
    if (it == global_args.end()) return std::nullopt;
    return it->second;
  };
  // Predefined platform ARGs are always usable in FROM.
  Stage* current = nullptr;
  bool seen_from = false;
  for (const Instruction& ins : df->instructions) {
    if (ins.kind == Keyword::kUnknown) {
      AddSemantic(df, ins.keyword_range, "unknown instruction: " + std::string(
                                              ins.keyword_range.Of(df->source)));
      continue;
    }
    if (ins.kind == Keyword::kFrom) {
      seen_from = true;
      Stage st;
      st.index = static_cast<uint32_t>(df->stages.size());
      st.from = &ins;
      if (ins.args.empty()) {
        AddSemantic(df, ins.range, "FROM requires either one or three arguments");
      } else {
        st.base = ins.args[0].value;
        st.base_range = ins.args[0].range;
        if (ins.args.size() == 3 && Lower(ins.args[1].value) == "as") {
          st.name = Lower(ins.args[2].value);
          st.name_range = ins.args[2].range;
        } else if (ins.args.size() != 1) {
          AddSemantic(df, ins.range, "FROM requires either one or three arguments");
        }
      }
      st.base_resolved = ExpandWord(st.base, df->escape, lookup);
      std::string base_lower = Lower(st.base_resolved);
      for (const Stage& prev : df->stages)
        if (!prev.name.empty() && prev.name == base_lower) st.parent = prev.index;
      df->stages.push_back(std::move(st));
      current = &df->stages.back();
      continue;
    }
    if (!seen_from) {
      if (ins.kind == Keyword::kArg) {
        df->global_args.push_back(&ins);
        for (const KeyValue& kv : ins.pairs) {
          std::optional<std::string> v;
          if (kv.has_value) v = ExpandWord(kv.value, df->escape, lookup);
          global_args[kv.key] = v;
        }
        continue;
      }
      AddSemantic(df, ins.keyword_range,
                  "no build stage in current context: " +
                      std::string(ins.keyword_range.Of(df->source)) + " before the first FROM",
                  SyntaxError::Kind::kInstructionBeforeFrom);
      // Keep checking the fragment: its instructions form an implicit first stage.
      if (!current) {
        Stage st;
        st.implicit = true;
        df->stages.push_back(std::move(st));
        current = &df->stages.back();
      }
    }
    current->instructions.push_back(&ins);
    if (ins.kind == Keyword::kOnbuild && ins.onbuild) {
      Keyword k = ins.onbuild->kind;
      if (k == Keyword::kOnbuild || k == Keyword::kFrom || k == Keyword::kMaintainer)
        AddSemantic(df, ins.onbuild->keyword_range,
                    Lower(ins.onbuild->keyword) + " isn't allowed as an ONBUILD trigger",
                    SyntaxError::Kind::kInvalidOnbuildTrigger);
    }
    switch (ins.kind) {
      case Keyword::kWorkdir:
      case Keyword::kUser:
      case Keyword::kStopsignal:
        if (ins.args.empty())
          AddSemantic(df, ins.range, ins.keyword + " requires exactly one argument");
        break;
      case Keyword::kCopy:
      case Keyword::kAdd:
        if (ins.args.size() + ins.heredocs.size() < 2 && !(ins.args.size() == 1 && !ins.heredocs.empty()))
          AddSemantic(df, ins.range, ins.keyword + " requires at least two arguments");
        break;
      case Keyword::kExpose:
      case Keyword::kVolume:
      case Keyword::kEnv:
      case Keyword::kLabel:
      case Keyword::kArg:
        if (ins.args.empty()) AddSemantic(df, ins.range, ins.keyword + " requires at least one argument");
        break;
      case Keyword::kRun:
      case Keyword::kCmd:
      case Keyword::kEntrypoint:
      case Keyword::kShell:
        if (ins.kind == Keyword::kShell && !ins.json_form && !ins.args.empty())
          AddSemantic(df, ins.range, "SHELL requires the arguments to be in JSON form");
        if (ins.kind == Keyword::kRun && ins.args.empty() && ins.heredocs.empty())
          AddSemantic(df, ins.range, "RUN requires at least one argument");
        break;
      default:
        break;
    }
  }
  if (df->errors.empty() && !df->instructions.empty() && !seen_from)
    AddSemantic(df, TextRange::At(0), "no FROM instruction: the Dockerfile builds no stage");
  if (df->stages.empty()) return;
  df->stages.back().is_final = true;

  // Which stages reach the final image: the final stage, its parents, and every stage named by
  // COPY --from or RUN --mount=from=, transitively.
  std::vector<uint32_t> work{static_cast<uint32_t>(df->stages.size() - 1)};
  while (!work.empty()) {
    uint32_t idx = work.back();
    work.pop_back();
    Stage& st = df->stages[idx];
    if (st.used) continue;
    st.used = true;
    if (st.parent) work.push_back(*st.parent);
    for (const Instruction* ins : st.instructions) {
      auto use = [&](std::string_view ref) {
        std::string r = ExpandWord(ref, df->escape, lookup);
        if (const Stage* s = df->FindStage(r); s && s->index < idx) work.push_back(s->index);
      };
      if (const Flag* f = ins->FindFlag("from")) use(f->value);
      for (const Flag& f : ins->flags) {
        if (f.name != "mount") continue;
        std::string_view v = f.value;
        size_t p = 0;
        while (p <= v.size()) {
          size_t c = v.find(',', p);
          if (c == std::string_view::npos) c = v.size();
          std::string_view part = v.substr(p, c - p);
          if (part.substr(0, 5) == "from=") use(part.substr(5));
          p = c + 1;
        }
      }
    }
  }
}

}  // namespace internal
}  // namespace shipshape::dockerfile
