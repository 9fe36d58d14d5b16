#include "yaml/yaml.h"

#include <libfyaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

namespace shipshape::yaml {
namespace {

TextRange MarkRange(fy_event* e) {
  const fy_mark* s = fy_event_start_mark(e);
  const fy_mark* t = fy_event_end_mark(e);
  TextRange r;
  if (s) r.start = static_cast<uint32_t>(s->input_pos);
  r.end = t ? static_cast<uint32_t>(t->input_pos) : r.start;
  if (r.end < r.start) r.end = r.start;
  return r;
}

std::string TokenText(fy_token* t) {
  if (!t) return {};
  size_t n = 0;
  const char* p = fy_token_get_text(t, &n);
  return p ? std::string(p, n) : std::string();
}

ScalarStyle ConvertStyle(enum fy_scalar_style s) {
  switch (s) {
    case FYSS_SINGLE_QUOTED: return ScalarStyle::kSingleQuoted;
    case FYSS_DOUBLE_QUOTED: return ScalarStyle::kDoubleQuoted;
    case FYSS_LITERAL: return ScalarStyle::kLiteral;
    case FYSS_FOLDED: return ScalarStyle::kFolded;
    default: return ScalarStyle::kPlain;
  }
}

// libfyaml's marks for quoted scalars exclude the quotes, and for block scalars start at the
// content; widen them so the range covers the scalar as written.
TextRange WidenScalar(std::string_view text, TextRange r, ScalarStyle style) {
  if (style == ScalarStyle::kSingleQuoted || style == ScalarStyle::kDoubleQuoted) {
    const char q = style == ScalarStyle::kSingleQuoted ? '\'' : '"';
    if (r.start > 0 && r.start <= text.size() && text[r.start - 1] == q) --r.start;
    if (r.end < text.size() && text[r.end] == q) ++r.end;
  } else if (style == ScalarStyle::kLiteral || style == ScalarStyle::kFolded) {
    uint32_t p = std::min<uint32_t>(r.start, static_cast<uint32_t>(text.size()));
    while (p > 0) {
      char c = text[p - 1];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { --p; continue; }
      break;
    }
    // Skip a trailing comment on the indicator line (`|  # note`).
    uint32_t line_start = p;
    while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r') --line_start;
    std::string_view line = text.substr(line_start, p - line_start);
    size_t ind = line.find_last_of("|>");
    if (ind != std::string_view::npos) r.start = static_cast<uint32_t>(line_start + ind);
    // Block scalars end after their line break; keep the range on the content line.
    while (r.end > r.start && (text[r.end - 1] == '\n' || text[r.end - 1] == '\r')) --r.end;
  }
  return r;
}

bool SameKey(const Node* a, const Node* b) {
  if (a == b) return true;
  if (!a->IsScalar() || !b->IsScalar()) return false;
  return a->value == b->value;
}

bool IsMergeKey(const Node* k) {
  return k->IsScalar() && k->style == ScalarStyle::kPlain && k->value == "<<" &&
         (k->tag.empty() || k->tag == "!!merge" || k->tag == "tag:yaml.org,2002:merge");
}

struct Frame {
  Node* node = nullptr;
  // Mapping state: a key waiting for its value.
  const Node* pending_key = nullptr;
  TextRange pending_key_range;
  bool has_key = false;
  std::string anchor;
};

void NoopOutput(struct fy_diag*, void*, const char*, size_t) {}

uint32_t OffsetOfLineCol(std::string_view text, int line, int col) {
  // libfyaml diag errors carry 0-based line and column (column in characters).
  uint32_t off = 0;
  int l = 0;
  while (l < line && off < text.size()) {
    char c = text[off++];
    if (c == '\n') ++l;
    else if (c == '\r') {
      if (off < text.size() && text[off] == '\n') ++off;
      ++l;
    }
  }
  int cpos = 0;
  while (cpos < col && off < text.size() && text[off] != '\n' && text[off] != '\r') {
    ++off;
    while (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) ++off;
    ++cpos;
  }
  return off;
}

class Builder {
 public:
  Builder(Document* doc, std::string_view text, const ParseOptions& opt, std::vector<Error>* errors,
          std::vector<DuplicateKey>* dups)
      : doc_(doc), text_(text), opt_(opt), errors_(errors), dups_(dups) {}

  // Returns false to stop parsing (fatal error).
  bool OnEvent(fy_event* e);
  const Node* root() const { return root_; }
  bool failed() const { return failed_; }

 private:
  bool Fail(std::string msg, TextRange r) {
    errors_->push_back({std::move(msg), r});
    failed_ = true;
    return false;
  }
  bool Attach(const Node* node, TextRange written, bool is_alias);
  bool Finish(Frame& f, TextRange end_range, bool flow);
  void ApplyMerges(Node* m);
  bool CheckLimits(Node* n);

  Document* doc_;
  std::string_view text_;
  const ParseOptions& opt_;
  std::vector<Error>* errors_;
  std::vector<DuplicateKey>* dups_;
  std::vector<Frame> stack_;
  std::unordered_map<std::string, const Node*> anchors_;
  const Node* root_ = nullptr;
  bool failed_ = false;
};

bool Builder::CheckLimits(Node* n) {
  uint64_t size = 1;
  uint32_t depth = 0;
  auto add = [&](const Node* c) {
    size += c->expanded_size;
    depth = std::max(depth, c->expanded_depth);
  };
  for (const Entry& en : n->entries) {
    add(en.key);
    add(en.value);
  }
  for (const Item& it : n->items) add(it.node);
  n->expanded_size = std::min<uint64_t>(size, opt_.max_expanded_nodes + 1);
  n->expanded_depth = depth + 1;
  if (n->expanded_size > opt_.max_expanded_nodes)
    return Fail("alias expansion exceeds " + std::to_string(opt_.max_expanded_nodes) +
                    " nodes (a \"billion laughs\" document?)",
                n->range);
  if (n->expanded_depth > opt_.max_depth)
    return Fail("nesting through aliases exceeds depth " + std::to_string(opt_.max_depth), n->range);
  return true;
}

bool Builder::Attach(const Node* node, TextRange written, bool is_alias) {
  if (stack_.empty()) {
    root_ = node;
    return true;
  }
  Frame& f = stack_.back();
  if (f.node->IsSequence()) {
    f.node->items.push_back({node, written, is_alias});
    return true;
  }
  if (!f.has_key) {
    f.pending_key = node;
    f.pending_key_range = written;
    f.has_key = true;
    return true;
  }
  Entry en;
  en.key = f.pending_key;
  en.key_range = f.pending_key_range;
  en.value = node;
  en.value_range = written;
  en.value_is_alias = is_alias;
  f.node->entries.push_back(en);
  f.has_key = false;
  return true;
}

void Builder::ApplyMerges(Node* m) {
  bool any = false;
  for (const Entry& en : m->entries)
    if (IsMergeKey(en.key)) { any = true; break; }
  if (!any) return;
  std::vector<Entry> own;
  std::vector<std::pair<const Node*, TextRange>> sources;
  for (const Entry& en : m->entries) {
    if (!IsMergeKey(en.key)) {
      own.push_back(en);
      continue;
    }
    m->merge_ranges.push_back(en.value_range);
    if (en.value->IsMapping()) {
      sources.push_back({en.value, en.value_range});
    } else if (en.value->IsSequence()) {
      for (const Item& it : en.value->items) {
        if (it.node->IsMapping()) sources.push_back({it.node, en.value_range});
        else errors_->push_back({"merge key `<<` list items must be mappings", it.range});
      }
    } else if (!en.value->IsNull()) {
      errors_->push_back({"merge key `<<` value must be a mapping or a list of mappings",
                          en.value_range});
    }
  }
  for (auto& [src, via] : sources) {
    for (const Entry& sen : src->entries) {
      bool present = false;
      for (const Entry& o : own)
        if (SameKey(o.key, sen.key)) { present = true; break; }
      if (present) continue;
      Entry copy = sen;
      copy.merged_via = via;
      own.push_back(copy);
    }
  }
  m->entries = std::move(own);
}

bool Builder::Finish(Frame& f, TextRange end_range, bool flow) {
  Node* n = f.node;
  if (flow) {
    n->range.end = std::max(n->range.end, end_range.end);
  } else {
    uint32_t last = n->range.start;
    for (const Entry& en : n->entries) last = std::max({last, en.key_range.end, en.value_range.end});
    for (const Item& it : n->items) last = std::max(last, it.range.end);
    n->range.end = std::max(n->range.end, last);
  }
  if (n->IsMapping()) {
    // Duplicate keys (before merge expansion: merged keys are meant to be overridden).
    const auto& es = n->entries;
    const size_t dups_before = dups_->size();
    if (es.size() <= 32) {
      for (size_t i = 1; i < es.size(); ++i)
        for (size_t j = 0; j < i; ++j)
          if (SameKey(es[i].key, es[j].key)) {
            dups_->push_back({es[i].key->value, es[j].key_range, es[i].key_range});
            break;
          }
    } else {
      std::unordered_map<std::string_view, size_t> seen;
      for (size_t i = 0; i < es.size(); ++i) {
        if (!es[i].key->IsScalar()) continue;
        auto [it, inserted] = seen.emplace(es[i].key->value, i);
        if (!inserted) dups_->push_back({es[i].key->value, es[it->second].key_range, es[i].key_range});
      }
    }
    if (dups_->size() != dups_before) {
      // Keep the first occurrence of each key (later ones are reported and dropped).
      std::vector<Entry> kept;
      kept.reserve(es.size());
      for (const Entry& en : es) {
        bool dup = false;
        for (const Entry& k : kept)
          if (SameKey(k.key, en.key) && !IsMergeKey(en.key)) { dup = true; break; }
        if (!dup) kept.push_back(en);
      }
      if (kept.size() != es.size()) n->entries = std::move(kept);
    }
    ApplyMerges(n);
  }
  if (!CheckLimits(n)) return false;
  if (!f.anchor.empty()) anchors_[f.anchor] = n;
  return true;
}

bool Builder::OnEvent(fy_event* e) {
  switch (e->type) {
    case FYET_SCALAR: {
      Node* n = doc_->NewNode();
      n->source = opt_.source_id;
      n->kind = Kind::kScalar;
      n->style = ConvertStyle(fy_token_scalar_style(e->scalar.value));
      n->value = TokenText(e->scalar.value);
      n->tag = TokenText(e->scalar.tag);
      n->anchor = TokenText(e->scalar.anchor);
      n->range = WidenScalar(text_, MarkRange(e), n->style);
      if (!n->anchor.empty()) anchors_[n->anchor] = n;
      return Attach(n, n->range, false);
    }
    case FYET_ALIAS: {
      std::string name = TokenText(e->alias.anchor);
      TextRange r = MarkRange(e);
      if (r.start > 0 && text_[r.start - 1] == '*') --r.start;
      auto it = anchors_.find(name);
      if (it == anchors_.end()) {
        // Either undefined or an alias to a node still being built (a recursive structure).
        for (const Frame& f : stack_)
          if (f.anchor == name) return Fail("recursive alias *" + name, r);
        return Fail("unknown alias *" + name, r);
      }
      return Attach(it->second, r, true);
    }
    case FYET_MAPPING_START:
    case FYET_SEQUENCE_START: {
      if (stack_.size() >= opt_.max_depth)
        return Fail("nesting exceeds depth " + std::to_string(opt_.max_depth), MarkRange(e));
      Node* n = doc_->NewNode();
      n->source = opt_.source_id;
      const bool map = e->type == FYET_MAPPING_START;
      n->kind = map ? Kind::kMapping : Kind::kSequence;
      n->tag = TokenText(map ? e->mapping_start.tag : e->sequence_start.tag);
      n->anchor = TokenText(map ? e->mapping_start.anchor : e->sequence_start.anchor);
      n->range = MarkRange(e);
      Frame f;
      f.node = n;
      f.anchor = n->anchor;
      stack_.push_back(std::move(f));
      return true;
    }
    case FYET_MAPPING_END:
    case FYET_SEQUENCE_END: {
      if (stack_.empty()) return Fail("unbalanced collection end", MarkRange(e));
      Frame f = std::move(stack_.back());
      stack_.pop_back();
      const char open = f.node->range.start < text_.size() ? text_[f.node->range.start] : 0;
      const bool flow = open == '{' || open == '[';
      if (f.node->IsMapping() && f.has_key) {
        // A key with no value (only possible in odd flow forms): treat value as null.
        Node* nul = doc_->NewNode();
        nul->source = opt_.source_id;
        nul->range = TextRange::At(f.pending_key_range.end);
        Entry en;
        en.key = f.pending_key;
        en.value = nul;
        en.key_range = f.pending_key_range;
        en.value_range = nul->range;
        f.node->entries.push_back(en);
      }
      if (!Finish(f, MarkRange(e), flow)) return false;
      return Attach(f.node, f.node->range, false);
    }
    default:
      return true;
  }
}

}  // namespace

bool Node::IsNull() const {
  if (kind != Kind::kScalar || style != ScalarStyle::kPlain) return false;
  if (!tag.empty() && tag != "!!null") return false;
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

std::optional<bool> Node::AsBool() const {
  if (kind != Kind::kScalar || style != ScalarStyle::kPlain) return std::nullopt;
  if (value == "true" || value == "True" || value == "TRUE") return true;
  if (value == "false" || value == "False" || value == "FALSE") return false;
  return std::nullopt;
}

std::optional<int64_t> Node::AsInt() const {
  if (kind != Kind::kScalar || style != ScalarStyle::kPlain || value.empty()) return std::nullopt;
  std::string_view v = value;
  bool neg = false;
  if (v[0] == '+' || v[0] == '-') {
    neg = v[0] == '-';
    v.remove_prefix(1);
  }
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'o')) {
    base = v[1] == 'x' ? 16 : 8;
    v.remove_prefix(2);
  }
  if (v.empty()) return std::nullopt;
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out, base);
  if (ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return neg ? -out : out;
}

std::optional<double> Node::AsDouble() const {
  if (kind != Kind::kScalar || style != ScalarStyle::kPlain || value.empty()) return std::nullopt;
  if (auto i = AsInt()) return static_cast<double>(*i);
  std::string_view v = value;
  if (v == ".inf" || v == "+.inf" || v == ".Inf" || v == "+.Inf" || v == ".INF") return HUGE_VAL;
  if (v == "-.inf" || v == "-.Inf" || v == "-.INF") return -HUGE_VAL;
  if (v == ".nan" || v == ".NaN" || v == ".NAN") return NAN;
  // YAML 1.2 core float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  size_t digits = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    size_t ed = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++ed;
    if (ed == 0) return std::nullopt;
  }
  if (i != v.size()) return std::nullopt;
  double d = 0;
  std::string_view num = v[0] == '+' ? v.substr(1) : v;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), d);
  if (ec != std::errc()) return std::nullopt;
  (void)p;
  return d;
}

const Entry* Node::Find(std::string_view key) const {
  for (const Entry& e : entries)
    if (e.key->IsScalar() && e.key->value == key) return &e;
  return nullptr;
}

const Node* Node::Get(std::string_view key) const {
  const Entry* e = Find(key);
  return e ? e->value : nullptr;
}

std::optional<uint32_t> FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == 0) return static_cast<uint32_t>(i);
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
    else return static_cast<uint32_t>(i);
    if (i + len > n) return static_cast<uint32_t>(i);
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return static_cast<uint32_t>(i);
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return static_cast<uint32_t>(i);
    i += len;
  }
  return std::nullopt;
}

std::unique_ptr<Document> Parse(std::string_view text, const ParseOptions& options) {
  auto doc = std::make_unique<Document>();
  doc->text_ = text;
  if (text.size() >= (1u << 31)) {
    doc->errors_.push_back({"file too large", TextRange::At(0)});
    return doc;
  }
  if (auto bad = FindInvalidUtf8(text)) {
    const bool nul = text[*bad] == '\0';
    doc->errors_.push_back({nul ? "binary data (NUL byte) in a YAML file"
                                : "invalid UTF-8 byte sequence",
                            {*bad, *bad + 1}});
    return doc;
  }

  fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = nullptr;
  dcfg.output_fn = NoopOutput;
  dcfg.level = FYET_ERROR;
  dcfg.colorize = false;
  fy_diag* diag = fy_diag_create(&dcfg);
  if (diag) fy_diag_set_collect_errors(diag, true);

  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_ALLOW_DUPLICATE_KEYS |
                                              FYPCF_DISABLE_MMAP_OPT | FYPCF_DEFAULT_VERSION_1_2 |
                                              FYPCF_SLOPPY_FLOW_INDENTATION);
  cfg.diag = diag;
  fy_parser* parser = fy_parser_create(&cfg);
  if (!parser) {
    doc->errors_.push_back({"cannot create YAML parser", TextRange::At(0)});
    if (diag) fy_diag_destroy(diag);
    return doc;
  }
  Builder builder(doc.get(), text, options, &doc->errors_, &doc->duplicates_);
  if (fy_parser_set_string(parser, text.data(), text.size()) != 0) {
    doc->errors_.push_back({"cannot read YAML input", TextRange::At(0)});
  } else {
    uint32_t docs = 0;
    bool building = false;
    while (fy_event* e = fy_parser_parse(parser)) {
      bool keep_going = true;
      if (e->type == FYET_DOCUMENT_START) {
        ++docs;
        building = docs == 1;
        if (docs > 1) {
          const fy_mark* m = fy_event_start_mark(e);
          doc->extra_docs_.push_back(m ? static_cast<uint32_t>(m->input_pos) : 0);
        }
      } else if (e->type == FYET_DOCUMENT_END) {
        building = false;
      } else if (building) {
        keep_going = builder.OnEvent(e);
      }
      fy_parser_event_free(parser, e);
      if (!keep_going) break;
    }
    doc->document_count_ = docs;
    if (fy_parser_get_stream_error(parser)) {
      bool any = false;
      if (diag) {
        void* iter = nullptr;
        while (fy_diag_error* err = fy_diag_errors_iterate(diag, &iter)) {
          if (err->type < FYET_ERROR) continue;
          uint32_t off = OffsetOfLineCol(text, err->line, err->column);
          doc->errors_.push_back({err->msg ? err->msg : "YAML syntax error", {off, off}});
          any = true;
        }
      }
      if (!any) doc->errors_.push_back({"YAML syntax error", TextRange::At(0)});
    }
  }
  fy_parser_destroy(parser);
  if (diag) fy_diag_destroy(diag);
  if (doc->errors_.empty() || (!builder.failed() && builder.root())) {
    doc->root_ = doc->errors_.empty() ? builder.root() : nullptr;
  }
  if (doc->root_) doc->expanded_size_ = doc->root_->expanded_size;
  return doc;
}

namespace {
void DumpTo(const Node* n, std::string* out, int depth) {
  if (!n) {
    *out += "<null>";
    return;
  }
  if (depth > 64) {
    *out += "...";
    return;
  }
  if (!n->tag.empty()) *out += n->tag + " ";
  switch (n->kind) {
    case Kind::kScalar:
      if (n->style == ScalarStyle::kPlain) *out += n->value;
      else *out += "\"" + n->value + "\"";
      break;
    case Kind::kSequence:
      *out += "[";
      for (size_t i = 0; i < n->items.size(); ++i) {
        if (i) *out += " ";
        DumpTo(n->items[i].node, out, depth + 1);
      }
      *out += "]";
      break;
    case Kind::kMapping:
      *out += "{";
      for (size_t i = 0; i < n->entries.size(); ++i) {
        if (i) *out += ", ";
        DumpTo(n->entries[i].key, out, depth + 1);
        *out += ": ";
        DumpTo(n->entries[i].value, out, depth + 1);
      }
      *out += "}";
      break;
  }
}
}  // namespace

std::string Dump(const Node* node) {
  std::string out;
  DumpTo(node, &out, 0);
  return out;
}

}  // namespace shipshape::yaml
