#include "compose/edit.h"

#include <algorithm>
#include <cctype>

namespace shipshape::compose::edit {
namespace {

uint32_t LineStart(std::string_view t, uint32_t off) {
  if (off > t.size()) off = static_cast<uint32_t>(t.size());
  while (off > 0 && t[off - 1] != '\n') --off;
  return off;
}

// Just past the line terminator of the line holding `off` (or the end of the text).
uint32_t LineEnd(std::string_view t, uint32_t off) {
  size_t nl = t.find('\n', off);
  return nl == std::string_view::npos ? static_cast<uint32_t>(t.size()) : static_cast<uint32_t>(nl + 1);
}

bool OnlySpaces(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// True if the line holding `off` has nothing but whitespace and a comment.
bool CommentLine(std::string_view t, uint32_t line_start, uint32_t* col) {
  uint32_t p = line_start;
  while (p < t.size() && (t[p] == ' ' || t[p] == '\t')) ++p;
  *col = p - line_start;
  return p < t.size() && t[p] == '#';
}

bool HasComment(std::string_view s) {
  // A '#' that starts a comment: at the start or after whitespace, outside quotes. Good enough for
  // the short spans we check (a key's value); quotes make us conservative.
  bool single = false, dbl = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\'' && !dbl) single = !single;
    else if (c == '"' && !single) dbl = !dbl;
    else if (c == '#' && !single && !dbl && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n'))
      return true;
  }
  return false;
}

bool IsReservedWord(std::string_view s) {
  std::string l(s);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kWords[] = {"true", "false", "yes", "no", "on", "off", "y", "n",
                                       "null", "~", ".inf", "-.inf", "+.inf", ".nan", "<<", "="};
  for (const char* w : kWords)
    if (l == w) return true;
  return false;
}

// True if YAML 1.1 or 1.2 would read `s` as a number: ints and floats (with `_` separators),
// 0x/0o/0b forms, and YAML 1.1 sexagesimal `1:30`.
bool LooksNumeric(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'o' || s[i + 1] == 'b')) return true;
  bool digits = false, dot = false, exp = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '_') {
      digits = digits || c != '_';
    } else if (c == '.' && !dot && !exp) {
      dot = true;
    } else if ((c == 'e' || c == 'E') && digits && !exp) {
      exp = true;
      if (i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '+')) ++i;
    } else if (c == ':' && digits && !dot && !exp) {
      // sexagesimal: digits separated by colons
    } else {
      return false;
    }
  }
  return digits;
}

std::string Pad(uint32_t n) { return std::string(n, ' '); }

struct OwnEntry {
  size_t index;
  const yaml::Entry* e;
};

std::vector<OwnEntry> OwnEntries(const yaml::Node& m) {
  std::vector<OwnEntry> out;
  for (size_t i = 0; i < m.entries.size(); ++i)
    if (!m.entries[i].merged_via) out.push_back({i, &m.entries[i]});
  std::sort(out.begin(), out.end(),
            [](const OwnEntry& a, const OwnEntry& b) { return a.e->key_range.start < b.e->key_range.start; });
  return out;
}

uint32_t EntryEnd(const yaml::Entry& e) { return std::max(e.key_range.end, e.value_range.end); }

}  // namespace

// ---- Values ---------------------------------------------------------------------------------

YamlValue YamlValue::Raw(std::string yaml_text) {
  YamlValue v;
  v.scalar = std::move(yaml_text);
  return v;
}

YamlValue YamlValue::Str(std::string_view s) { return Raw(PlainSafe(s) ? std::string(s) : DoubleQuote(s)); }

YamlValue YamlValue::Quoted(std::string_view s) { return Raw(DoubleQuote(s)); }

YamlValue YamlValue::Map(std::vector<std::pair<std::string, YamlValue>> entries, bool flow) {
  YamlValue v;
  v.kind = Kind::kMap;
  v.map = std::move(entries);
  v.flow = flow;
  return v;
}

YamlValue YamlValue::Seq(std::vector<YamlValue> items, bool flow) {
  YamlValue v;
  v.kind = Kind::kSeq;
  v.seq = std::move(items);
  v.flow = flow;
  return v;
}

bool PlainSafe(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  static const std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string_view::npos) return false;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return false;
    if (c == '{' || c == '}' || c == '[' || c == ']' || c == ',') return false;
  }
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  if (IsReservedWord(s) || LooksNumeric(s)) return false;
  return true;
}

std::string DoubleQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[(c >> 4) & 0xf];
          out += kHex[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

std::string RenderFlow(const YamlValue& v) {
  switch (v.kind) {
    case YamlValue::Kind::kScalar: return v.scalar;
    case YamlValue::Kind::kMap: {
      std::string s = "{";
      for (size_t i = 0; i < v.map.size(); ++i) {
        if (i) s += ", ";
        s += v.map[i].first + ": " + RenderFlow(v.map[i].second);
      }
      return s + "}";
    }
    case YamlValue::Kind::kSeq: {
      std::string s = "[";
      for (size_t i = 0; i < v.seq.size(); ++i) {
        if (i) s += ", ";
        s += RenderFlow(v.seq[i]);
      }
      return s + "]";
    }
  }
  return {};
}

uint32_t ColumnOf(std::string_view text, uint32_t offset) { return offset - LineStart(text, offset); }

bool IsFlow(std::string_view text, const yaml::Node& node) {
  if (node.IsScalar() || node.range.start >= text.size()) return false;
  const char c = text[node.range.start];
  return c == '{' || c == '[';
}

// ---- Style detection ------------------------------------------------------------------------

Style DetectStyle(std::string_view text, const yaml::Node* root) {
  Style st;
  size_t nl = text.find('\n');
  if (nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r') st.newline = "\r\n";
  if (!root || !root->IsMapping()) return st;
  // Indent unit: a service's keys relative to its name.
  bool unit_found = false, seq_found = false;
  if (const yaml::Node* services = root->Get("services"); services && services->IsMapping()) {
    for (const yaml::Entry& e : services->entries) {
      if (e.value_is_alias || e.merged_via || !e.value->IsMapping() || IsFlow(text, *e.value)) continue;
      const uint32_t kc = ColumnOf(text, e.key_range.start);
      const uint32_t vc = ColumnOf(text, e.value->range.start);
      if (vc > kc) {
        st.indent = vc - kc;
        unit_found = true;
        break;
      }
    }
  }
  // Sequence style: the first block sequence that is a mapping value. The budget counts entries
  // too: rules build an editor per service, and a walk over every service of a file with
  // thousands of them, per editor, made checking it quadratic.
  std::vector<const yaml::Node*> stack{root};
  size_t visited = 0;
  while (!stack.empty() && !seq_found && visited < 5000) {
    const yaml::Node* n = stack.back();
    stack.pop_back();
    ++visited;
    if (n->source != root->source) continue;
    for (const yaml::Entry& e : n->entries) {
      if (++visited >= 5000) break;
      if (e.merged_via || e.value_is_alias) continue;
      if (e.value->IsSequence() && !e.value->items.empty() && !IsFlow(text, *e.value)) {
        const uint32_t kc = ColumnOf(text, e.key_range.start);
        const uint32_t dc = ColumnOf(text, e.value->range.start);
        st.indent_sequences = dc > kc;
        seq_found = true;
        if (!unit_found && dc > kc) st.indent = dc - kc;
        break;
      }
      if (!e.value->IsScalar()) stack.push_back(e.value);
    }
    for (const yaml::Item& it : n->items) {
      if (++visited >= 5000) break;
      if (!it.is_alias && !it.node->IsScalar()) stack.push_back(it.node);
    }
  }
  if (st.indent == 0 || st.indent > 8) st.indent = 2;
  return st;
}

// ---- Rendering ------------------------------------------------------------------------------

std::string Editor::RenderEntry(std::string_view key, const YamlValue& v, uint32_t col) const {
  const std::string& nl = style_.newline;
  std::string s = Pad(col) + std::string(key) + ":";
  const bool block = !v.flow && ((v.kind == YamlValue::Kind::kMap && !v.map.empty()) ||
                                 (v.kind == YamlValue::Kind::kSeq && !v.seq.empty()));
  if (!block) return s + " " + RenderFlow(v) + nl;
  s += nl;
  if (v.kind == YamlValue::Kind::kMap) {
    for (const auto& [k, sub] : v.map) s += RenderEntry(k, sub, col + style_.indent);
  } else {
    const uint32_t dash = col + (style_.indent_sequences ? style_.indent : 0);
    for (const YamlValue& it : v.seq) s += RenderItem(it, dash);
  }
  return s;
}

std::string Editor::RenderItem(const YamlValue& v, uint32_t col) const {
  const std::string& nl = style_.newline;
  if (v.kind == YamlValue::Kind::kMap && !v.flow && !v.map.empty()) {
    std::string s;
    for (const auto& [k, sub] : v.map) s += RenderEntry(k, sub, col + 2);
    // The first key sits on the dash line.
    return Pad(col) + "- " + s.substr(col + 2);
  }
  return Pad(col) + "- " + RenderFlow(v) + nl;
}

// ---- Positions ------------------------------------------------------------------------------

uint32_t Editor::KeyColumn(const yaml::Node& mapping) const { return ColumnOf(text_, mapping.range.start); }

uint32_t Editor::EndOfBlock(const yaml::Node& node) const {
  uint32_t last = node.range.start;
  for (const yaml::Entry& e : node.entries)
    if (!e.merged_via) last = std::max(last, EntryEnd(e));
  for (TextRange r : node.merge_ranges) last = std::max(last, r.end);
  for (const yaml::Item& it : node.items) last = std::max(last, it.range.end);
  if (last > text_.size()) last = static_cast<uint32_t>(text_.size());
  // Block scalars may end inside the next line's indentation: back up to the last content byte.
  while (last > node.range.start && (text_[last - 1] == ' ' || text_[last - 1] == '\t' ||
                                     text_[last - 1] == '\r' || text_[last - 1] == '\n'))
    --last;
  return LineEnd(text_, last);
}

// ---- Edits ----------------------------------------------------------------------------------

std::optional<Edit> Editor::InsertEntry(const yaml::Node& mapping, std::string_view key,
                                        const YamlValue& value) const {
  return InsertEntries(mapping, {{std::string(key), value}});
}

std::optional<Edit> Editor::InsertEntries(
    const yaml::Node& mapping, const std::vector<std::pair<std::string, YamlValue>>& entries) const {
  if (!mapping.IsMapping() || mapping.range.start >= text_.size() || entries.empty()) return std::nullopt;
  if (IsFlow(text_, mapping)) {
    std::vector<OwnEntry> own = OwnEntries(mapping);
    uint32_t pos;
    bool need_comma;
    if (own.empty() && mapping.merge_ranges.empty()) {
      pos = mapping.range.start + 1;
      need_comma = false;
    } else {
      pos = 0;
      for (const OwnEntry& o : own) pos = std::max(pos, EntryEnd(*o.e));
      for (TextRange r : mapping.merge_ranges) pos = std::max(pos, r.end);
      need_comma = true;
    }
    if (pos >= mapping.range.end) return std::nullopt;
    std::string s;
    for (const auto& [k, v] : entries) {
      if (need_comma) s += ", ";
      s += k + ": " + RenderFlow(v);
      need_comma = true;
    }
    return Edit::Insert(pos, s);
  }
  const uint32_t col = KeyColumn(mapping);
  const uint32_t pos = EndOfBlock(mapping);
  std::string s;
  if (pos == text_.size() && !text_.empty() && text_.back() != '\n') s += style_.newline;
  for (const auto& [k, v] : entries) s += RenderEntry(k, v, col);
  return Edit::Insert(pos, s);
}

std::optional<Edit> Editor::AppendItem(const yaml::Node& seq, const YamlValue& item) const {
  return AppendItems(seq, {item});
}

std::optional<Edit> Editor::AppendItems(const yaml::Node& seq, const std::vector<YamlValue>& items) const {
  if (!seq.IsSequence() || seq.range.start >= text_.size() || items.empty()) return std::nullopt;
  if (IsFlow(text_, seq)) {
    std::string s;
    uint32_t pos;
    if (seq.items.empty()) {
      pos = seq.range.start + 1;
    } else {
      pos = 0;
      for (const yaml::Item& it : seq.items) pos = std::max(pos, it.range.end);
      if (pos >= seq.range.end) return std::nullopt;
    }
    for (const YamlValue& item : items) {
      if (!s.empty() || !seq.items.empty()) s += ", ";
      s += RenderFlow(item);
    }
    return Edit::Insert(pos, s);
  }
  if (seq.items.empty()) return std::nullopt;
  const uint32_t col = ColumnOf(text_, seq.range.start);
  if (text_[seq.range.start] != '-') return std::nullopt;
  const uint32_t pos = EndOfBlock(seq);
  std::string s;
  if (pos == text_.size() && !text_.empty() && text_.back() != '\n') s += style_.newline;
  for (const YamlValue& item : items) s += RenderItem(item, col);
  return Edit::Insert(pos, s);
}

std::optional<std::vector<Edit>> MergeEdits(std::vector<Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.range.start < b.range.start; });
  std::vector<Edit> out;
  for (Edit& e : edits) {
    if (!out.empty() && e.range.start <= out.back().range.end) {
      // The fixer takes no edit starting at or before the previous one's end: join touching
      // edits into one; true overlaps cannot be joined.
      if (e.range.start < out.back().range.end) return std::nullopt;
      out.back().range.end = e.range.end;
      out.back().text += e.text;
      continue;
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<Edit> Editor::ReplaceScalar(const yaml::Node& scalar, std::string_view v) const {
  if (!scalar.IsScalar() || scalar.range.end > text_.size()) return std::nullopt;
  std::string out;
  switch (scalar.style) {
    case yaml::ScalarStyle::kPlain:
      out = PlainSafe(v) ? std::string(v) : DoubleQuote(v);
      break;
    case yaml::ScalarStyle::kSingleQuoted:
      if (v.find('\n') == std::string_view::npos) {
        out = "'";
        for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
        out += "'";
      } else {
        out = DoubleQuote(v);
      }
      break;
    default:
      out = DoubleQuote(v);
  }
  if (scalar.range.empty() && scalar.IsNull()) return std::nullopt;
  return Edit::Replace(scalar.range, out);
}

std::optional<Edit> Editor::ReplaceRaw(const yaml::Node& scalar, std::string yaml_text) const {
  if (!scalar.IsScalar() || scalar.range.end > text_.size() || scalar.range.empty()) return std::nullopt;
  return Edit::Replace(scalar.range, std::move(yaml_text));
}

std::optional<Edit> Editor::ReplaceValue(const yaml::Node& mapping, size_t index, const YamlValue& value) const {
  if (!mapping.IsMapping() || index >= mapping.entries.size()) return std::nullopt;
  const yaml::Entry& e = mapping.entries[index];
  if (e.merged_via || !e.value->anchor.empty()) return std::nullopt;
  if (IsFlow(text_, mapping)) {
    if (e.value_range.empty()) return Edit::Insert(e.value_range.start, " " + RenderFlow(value));
    return Edit::Replace(e.value_range, RenderFlow(value));
  }
  // The colon after the key.
  uint32_t colon = e.key_range.end;
  while (colon < text_.size() && (text_[colon] == ' ' || text_[colon] == '\t' || text_[colon] == '"' ||
                                  text_[colon] == '\''))
    ++colon;
  if (colon >= text_.size() || text_[colon] != ':') return std::nullopt;
  const uint32_t from = colon + 1;
  const bool null_value = e.value->IsNull() && e.value_range.empty();
  const uint32_t to = null_value ? from : e.value_range.end;
  if (to < from) return std::nullopt;
  if (HasComment(text_.substr(from, to - from))) return std::nullopt;
  // A flow collection stays flow.
  const bool block = !value.flow && !IsFlow(text_, *e.value) &&
                     ((value.kind == YamlValue::Kind::kMap && !value.map.empty()) ||
                      (value.kind == YamlValue::Kind::kSeq && !value.seq.empty()));
  if (!block) return Edit::Replace({from, to}, " " + RenderFlow(value));
  // Render as a block under the key, without the final newline (the original one stays).
  std::string lines = RenderEntry("k", value, KeyColumn(mapping));
  lines = lines.substr(lines.find(':') + 1);
  lines.resize(lines.size() - style_.newline.size());
  return Edit::Replace({from, to}, lines);
}

std::optional<Edit> Editor::DeleteEntry(const yaml::Node& mapping, size_t index) const {
  if (!mapping.IsMapping() || index >= mapping.entries.size()) return std::nullopt;
  const yaml::Entry& e = mapping.entries[index];
  if (e.merged_via) return std::nullopt;
  if (IsFlow(text_, mapping)) {
    std::vector<OwnEntry> own = OwnEntries(mapping);
    size_t k = 0;
    while (k < own.size() && own[k].index != index) ++k;
    if (k == own.size()) return std::nullopt;
    if (k + 1 < own.size()) return Edit::Delete({e.key_range.start, own[k + 1].e->key_range.start});
    if (k > 0) return Edit::Delete({EntryEnd(*own[k - 1].e), EntryEnd(e)});
    return Edit::Delete({e.key_range.start, EntryEnd(e)});
  }
  const uint32_t start = LineStart(text_, e.key_range.start);
  if (!OnlySpaces(text_.substr(start, e.key_range.start - start))) return std::nullopt;
  uint32_t end = EntryEnd(e);
  end = (end > 0 && text_[end - 1] == '\n') ? end : LineEnd(text_, end);
  return Edit::Delete({start, end});
}

std::optional<Edit> Editor::DeleteItem(const yaml::Node& seq, size_t index) const {
  if (!seq.IsSequence() || index >= seq.items.size()) return std::nullopt;
  const yaml::Item& it = seq.items[index];
  if (IsFlow(text_, seq)) {
    if (index + 1 < seq.items.size()) return Edit::Delete({it.range.start, seq.items[index + 1].range.start});
    if (index > 0) return Edit::Delete({seq.items[index - 1].range.end, it.range.end});
    return Edit::Delete(it.range);
  }
  const uint32_t start = LineStart(text_, it.range.start);
  std::string_view before = text_.substr(start, it.range.start - start);
  // Expect `<spaces>- ` before the item.
  size_t dash = before.find('-');
  if (dash == std::string_view::npos || !OnlySpaces(before.substr(0, dash)) ||
      !OnlySpaces(before.substr(dash + 1)))
    return std::nullopt;
  uint32_t end = it.range.end;
  end = (end > 0 && text_[end - 1] == '\n') ? end : LineEnd(text_, end);
  return Edit::Delete({start, end});
}

std::optional<Edit> Editor::Reorder(const yaml::Node& node, const std::vector<size_t>& order) const {
  if (IsFlow(text_, node) || !node.merge_ranges.empty()) return std::nullopt;
  std::vector<TextRange> items;  // start of the item's first line .. end of its last byte
  std::vector<uint32_t> cols;
  if (node.IsMapping()) {
    std::vector<OwnEntry> own = OwnEntries(node);
    if (own.size() != node.entries.size()) return std::nullopt;
    for (size_t i = 0; i < own.size(); ++i) {
      if (own[i].index != i) return std::nullopt;  // entries must be in source order
      items.push_back({own[i].e->key_range.start, EntryEnd(*own[i].e)});
    }
  } else if (node.IsSequence()) {
    for (const yaml::Item& it : node.items) items.push_back(it.range);
  } else {
    return std::nullopt;
  }
  const size_t n = items.size();
  if (order.size() != n || n < 2) return std::nullopt;
  std::vector<bool> seen(n, false);
  for (size_t o : order) {
    if (o >= n || seen[o]) return std::nullopt;
    seen[o] = true;
  }
  // Each item must begin its line (after indentation, or after `- ` for sequences).
  std::vector<uint32_t> starts(n), ends(n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t ls = LineStart(text_, items[i].start);
    std::string_view before = text_.substr(ls, items[i].start - ls);
    if (node.IsSequence()) {
      size_t dash = before.find('-');
      if (dash == std::string_view::npos || !OnlySpaces(before.substr(0, dash)) ||
          !OnlySpaces(before.substr(dash + 1)))
        return std::nullopt;
    } else if (!OnlySpaces(before)) {
      return std::nullopt;
    }
    if (i > 0 && ls < items[i - 1].end) return std::nullopt;  // two items on one line
    cols.push_back(static_cast<uint32_t>(node.IsSequence() ? before.find('-') : before.size()));
    starts[i] = ls;
  }
  // Comment lines directly above an item, at its column, travel with it.
  for (size_t i = 0; i < n; ++i) {
    const uint32_t prev_end = i == 0 ? 0 : LineEnd(text_, items[i - 1].end > 0 ? items[i - 1].end - 1 : 0);
    uint32_t s = starts[i];
    while (s > prev_end && s > 0) {
      const uint32_t above = LineStart(text_, s - 1);
      uint32_t col = 0;
      if (above < prev_end || !CommentLine(text_, above, &col) || col != cols[i]) break;
      s = above;
    }
    starts[i] = s;
  }
  for (size_t i = 0; i + 1 < n; ++i) ends[i] = starts[i + 1];
  uint32_t last = items[n - 1].end;
  last = (last > 0 && text_[last - 1] == '\n') ? last : LineEnd(text_, last);
  if (last == 0 || text_[last - 1] != '\n') return std::nullopt;  // no newline at EOF
  ends[n - 1] = last;
  std::string out;
  for (size_t o : order) out.append(text_.substr(starts[o], ends[o] - starts[o]));
  return Edit::Replace({starts[0], ends[n - 1]}, out);
}

}  // namespace shipshape::compose::edit
