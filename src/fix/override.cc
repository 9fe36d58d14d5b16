#include "fix/override.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "yaml/yaml.h"

namespace shipshape {
namespace {

using yaml::Entry;
using yaml::Item;
using yaml::Node;

constexpr int kSectionIndent = 2;  ///< Services, volumes... under their top-level key.

/// Top-level sections compared per named entry.
bool IsNamedSection(std::string_view key) {
  return key == "services" || key == "volumes" || key == "networks" || key == "secrets" ||
         key == "configs";
}

/// Typed scalar equality: `80` and `"80"` differ only if the plain one is not a string.
bool ScalarEqual(const Node& a, const Node& b) {
  if (a.tag != b.tag) return false;
  const bool a_plain = a.style == yaml::ScalarStyle::kPlain;
  const bool b_plain = b.style == yaml::ScalarStyle::kPlain;
  if (a_plain && b_plain && a.IsNull() && b.IsNull()) return true;
  if (a.value != b.value) return false;
  if (a_plain == b_plain) return true;
  const Node& plain = a_plain ? a : b;
  return !plain.IsNull() && !plain.AsBool() && !plain.AsInt() && !plain.AsDouble();
}

/// Semantic equality of two YAML values: mapping key order and scalar quoting do not matter.
bool Equal(const Node* a, const Node* b) {
  if (a == b) return true;
  if (!a || !b || a->kind != b->kind) return false;
  switch (a->kind) {
    case yaml::Kind::kScalar:
      return ScalarEqual(*a, *b);
    case yaml::Kind::kSequence:
      if (a->items.size() != b->items.size()) return false;
      for (size_t i = 0; i < a->items.size(); ++i)
        if (!Equal(a->items[i].node, b->items[i].node)) return false;
      return true;
    case yaml::Kind::kMapping:
      if (a->entries.size() != b->entries.size()) return false;
      for (const Entry& e : a->entries) {
        if (!e.key->IsScalar()) return false;
        const Node* other = b->Get(e.key->value);
        if (!other || !Equal(e.value, other)) return false;
      }
      return true;
  }
  return false;
}

/// True if `n` (not following aliases) contains an alias or a `<<` merge: its text in the fixed
/// file then refers to anchors the override does not have.
bool UsesAnchors(const Node* n) {
  if (!n) return false;
  if (n->IsMapping()) {
    if (!n->merge_ranges.empty()) return true;
    for (const Entry& e : n->entries)
      if (e.value_is_alias || e.merged_via || UsesAnchors(e.key) || UsesAnchors(e.value))
        return true;
  } else if (n->IsSequence()) {
    for (const Item& it : n->items)
      if (it.is_alias || UsesAnchors(it.node)) return true;
  }
  return false;
}

uint32_t LineStart(std::string_view text, uint32_t offset) {
  const size_t nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (offset == 0 || nl == std::string_view::npos) return 0;
  return static_cast<uint32_t>(nl + 1);
}

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t p = 0;
  while (true) {
    size_t nl = s.find('\n', p);
    std::string_view line = s.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    p = nl + 1;
  }
  return lines;
}

size_t Indentation(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

class Writer {
 public:
  Writer(std::string_view fixed, std::string_view original, std::string eol)
      : fixed_(fixed), original_(original), eol_(std::move(eol)) {}

  /// Writes `entry` of the fixed file at `indent`, tagged with `tag` (or its own tag if empty):
  /// the fixed file's text when it can be re-indented as is, else re-serialized from the tree.
  void FixedEntry(const Entry& entry, int indent, std::string_view tag, std::string* out) {
    if (!Slice(entry, indent, tag, out)) {
      *out += Spaces(indent) + std::string(entry.key_range.Of(fixed_)) + ":";
      Value(entry.value, indent + 2, tag.empty() ? std::string_view(entry.value->tag) : tag, out);
    }
  }

  /// `key: !reset null`, for a key the fixes removed (key text from the original file).
  void Reset(const Entry& entry, int indent, std::string* out) {
    *out += Spaces(indent) + std::string(entry.key_range.Of(original_)) + ": !reset null" + eol_;
  }

  void Line(int indent, std::string_view text, std::string* out) {
    *out += Spaces(indent) + std::string(text) + eol_;
  }

  std::string_view KeyText(const Entry& e) const { return e.key_range.Of(fixed_); }
  const std::string& eol() const { return eol_; }

 private:
  static std::string Spaces(size_t n) { return std::string(n, ' '); }

  bool Slice(const Entry& entry, int indent, std::string_view tag, std::string* out) {
    const Node* value = entry.value;
    if (entry.value_is_alias || entry.merged_via || UsesAnchors(value)) return false;
    const uint32_t key_start = entry.key_range.start;
    const size_t key_col = key_start - LineStart(fixed_, key_start);
    const long delta = static_cast<long>(indent) - static_cast<long>(key_col);
    const TextRange vr = entry.value_range;
    std::string head = Spaces(indent) + std::string(entry.key_range.Of(fixed_)) + ":";
    const std::string_view own_tag = tag.empty() ? std::string_view(value->tag) : tag;
    if (vr.empty() || value->IsNull()) {
      if (!vr.empty() && !own_tag.empty()) return false;  // keep it simple: re-serialize
      *out += head + (own_tag.empty() ? "" : " " + std::string(own_tag));
      if (!vr.empty()) *out += " " + std::string(vr.Of(fixed_));
      *out += eol_;
      return true;
    }
    if (vr.start < entry.key_range.end) return false;
    const std::string_view between =
        fixed_.substr(entry.key_range.end, vr.start - entry.key_range.end);
    const bool next_line = between.find('\n') != std::string_view::npos;
    const std::vector<std::string_view> lines = SplitLines(vr.Of(fixed_));
    const size_t c0 = vr.start - LineStart(fixed_, vr.start);
    // In a flow mapping the value may start left of its key (`{a: 1, key:\n  [x]}`).
    if (next_line && c0 < key_col) return false;
    // Every later line must sit at or right of the key, or shifting breaks the structure (a
    // multi-line flow collection inside a flow mapping, say). Comment lines can go anywhere.
    for (size_t i = 1; i < lines.size(); ++i) {
      const size_t ind = Indentation(lines[i]);
      if (ind == lines[i].size() || lines[i][ind] == '#') continue;
      if (ind < key_col) return false;
    }
    if (next_line) {
      *out += head + (own_tag.empty() ? "" : " " + std::string(own_tag)) + eol_;
      *out += Spaces(static_cast<size_t>(static_cast<long>(c0) + delta)) + std::string(lines[0]) + eol_;
    } else {
      *out += head + " " + (own_tag.empty() ? "" : std::string(own_tag) + " ") +
              std::string(lines[0]) + eol_;
    }
    for (size_t i = 1; i < lines.size(); ++i) {
      const size_t ind = Indentation(lines[i]);
      if (ind == lines[i].size()) {
        *out += eol_;
        continue;
      }
      const long shifted = std::max(0L, static_cast<long>(ind) + delta);
      *out += Spaces(static_cast<size_t>(shifted)) + std::string(lines[i].substr(ind)) + eol_;
    }
    return true;
  }

  static std::string Quote(std::string_view s) {
    std::string q = "\"";
    for (unsigned char c : s) {
      switch (c) {
        case '"': q += "\\\""; break;
        case '\\': q += "\\\\"; break;
        case '\n': q += "\\n"; break;
        case '\t': q += "\\t"; break;
        case '\r': q += "\\r"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            static const char kHex[] = "0123456789abcdef";
            q += "\\x";
            q += kHex[c >> 4];
            q += kHex[c & 15];
          } else {
            q += static_cast<char>(c);
          }
      }
    }
    return q + "\"";
  }

  /// A scalar as YAML: plain scalars stay plain (they were valid plain text in the source, and
  /// block context accepts everything flow context does), everything else is double-quoted.
  static std::string ScalarText(const Node& n) {
    if (n.style == yaml::ScalarStyle::kPlain) {
      if (n.IsNull()) return "null";
      if (n.value.find('\n') == std::string::npos) return n.value;
    }
    return Quote(n.value);
  }

  /// Writes what follows `key:` or `-`: ` scalar` on the same line, or a block collection at
  /// `indent` on the next lines.
  void Value(const Node* n, int indent, std::string_view tag, std::string* out) {
    const std::string tag_text = tag.empty() ? "" : " " + std::string(tag);
    if (n->IsScalar()) {
      *out += tag_text + " " + ScalarText(*n) + eol_;
    } else if (n->IsMapping()) {
      if (n->entries.empty()) {
        *out += tag_text + " {}" + eol_;
        return;
      }
      *out += tag_text + eol_;
      for (const Entry& e : n->entries) {
        *out += Spaces(indent) + (e.key->IsScalar() ? ScalarText(*e.key) : Quote("?")) + ":";
        Value(e.value, indent + 2, e.value->tag, out);
      }
    } else {
      if (n->items.empty()) {
        *out += tag_text + " []" + eol_;
        return;
      }
      *out += tag_text + eol_;
      for (const Item& it : n->items) {
        *out += Spaces(indent) + "-";
        Value(it.node, indent + 2, it.node->tag, out);
      }
    }
  }

  std::string_view fixed_;
  std::string_view original_;
  std::string eol_;
};

/// The root mapping of `doc`, nullptr for an empty document; false if the text is not usable.
bool RootMapping(const yaml::Document& doc, std::string_view which, const Node** root,
                 std::string* err) {
  if (!doc.ok()) {
    *err = std::string(which) + " Compose text does not parse: " + doc.errors().front().message;
    return false;
  }
  *root = doc.root();
  if (*root && (*root)->IsNull()) *root = nullptr;
  if (*root && !(*root)->IsMapping()) {
    *err = std::string(which) + " Compose text is not a mapping";
    return false;
  }
  return true;
}

void DiffMapping(Writer& w, const Node* orig, const Node* fixed, int indent, std::string* out);

/// Writes fixed entry `fe` at `indent` if it differs from `orig` (its value in the original, or
/// nullptr), in the form that merges over `orig` into `fe`'s value: Compose merges mappings key by
/// key (so only what changed inside is written), replaces scalars, and appends or merges
/// sequences (so a changed sequence, or a change of kind, is tagged `!override`).
void DiffEntry(Writer& w, const Node* orig, const Entry& fe, int indent, std::string* out) {
  if (orig && Equal(orig, fe.value)) return;
  if (!orig || orig->IsNull() || (orig->IsScalar() && fe.value->IsScalar())) {
    w.FixedEntry(fe, indent, {}, out);
  } else if (orig->IsMapping() && fe.value->IsMapping()) {
    std::string inner;
    DiffMapping(w, orig, fe.value, indent + 2, &inner);
    if (inner.empty()) return;
    w.Line(indent, std::string(w.KeyText(fe)) + ":", out);
    *out += inner;
  } else {
    w.FixedEntry(fe, indent, "!override", out);
  }
}

/// The entries of `fixed` that differ from `orig` (both mappings), keys removed from it as
/// `key: !reset null`.
void DiffMapping(Writer& w, const Node* orig, const Node* fixed, int indent, std::string* out) {
  for (const Entry& fe : fixed->entries)
    if (fe.key->IsScalar()) DiffEntry(w, orig->Get(fe.key->value), fe, indent, out);
  for (const Entry& oe : orig->entries)
    if (oe.key->IsScalar() && !fixed->Get(oe.key->value)) w.Reset(oe, indent, out);
}

}  // namespace

bool BuildComposeOverride(std::string_view original, std::string_view fixed,
                          const OverrideOptions& options, std::string* out, std::string* err) {
  out->clear();
  const std::unique_ptr<yaml::Document> od = yaml::Parse(original);
  const std::unique_ptr<yaml::Document> fd = yaml::Parse(fixed);
  const Node* oroot = nullptr;
  const Node* froot = nullptr;
  if (!RootMapping(*od, "the original", &oroot, err) || !RootMapping(*fd, "the fixed", &froot, err))
    return false;
  if (!froot) return true;
  const size_t first_nl = fixed.find('\n');
  Writer w(fixed, original,
           first_nl != std::string_view::npos && first_nl > 0 && fixed[first_nl - 1] == '\r'
               ? "\r\n"
               : "\n");

  std::string body;
  for (const Entry& fe : froot->entries) {
    if (!fe.key->IsScalar()) continue;
    const std::string& key = fe.key->value;
    if (key == "version") continue;
    const Node* ov = oroot ? oroot->Get(key) : nullptr;
    if (IsNamedSection(key) && fe.value->IsMapping() && (!ov || ov->IsMapping() || ov->IsNull())) {
      // Per named entry; entries the fixes deleted are left alone (an override cannot delete a
      // service, and resetting a volume or network could break the original file's users).
      const Node* osec = ov && ov->IsMapping() ? ov : nullptr;
      std::string section;
      for (const Entry& ne : fe.value->entries)
        if (ne.key->IsScalar())
          DiffEntry(w, osec ? osec->Get(ne.key->value) : nullptr, ne, kSectionIndent, &section);
      if (!section.empty()) body += std::string(w.KeyText(fe)) + ":" + w.eol() + section;
    } else {
      DiffEntry(w, ov, fe, 0, &body);
    }
  }
  if (body.empty()) return true;
  if (!options.compose_name.empty() && !options.override_name.empty()) {
    *out += "# Hardening for " + options.compose_name +
            ", written by `shipshape fix --into-override`." + w.eol();
    *out += "# Apply it with: docker compose -f " + options.compose_name + " -f " +
            options.override_name + " up -d" + w.eol();
  }
  *out += body;
  return true;
}

}  // namespace shipshape
