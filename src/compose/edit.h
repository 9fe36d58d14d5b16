// Minimal byte edits on a Compose (YAML) file: insert a key with a nested block at the end of a
// mapping, append to a list, replace a scalar, replace an entry's value, delete an entry or item,
// reorder the entries of a block collection. Every Compose fix goes through these.
//
// The edits keep everything they do not touch: comments, quoting style, the file's indent unit
// and its sequence indentation (`key:\n  - a` vs `key:\n- a`), CRLF line endings, and flow vs
// block style (a new key in `web: {image: x}` is written `{image: x, restart: always}`).
// Functions return nullopt when they cannot edit safely (the place is not where they expect it,
// a block would have to be re-flowed); callers then offer no fix rather than a wrong one.
//
// Anchors: a node reached through an alias lives at its definition; editing it changes every user.
// Callers decide whether that is wanted (see ComposeFile::ServicesUsing).
#ifndef SHIPSHAPE_COMPOSE_EDIT_H_
#define SHIPSHAPE_COMPOSE_EDIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "yaml/yaml.h"

namespace shipshape::compose::edit {

/// Layout conventions of one file.
struct Style {
  std::string newline = "\n";
  uint32_t indent = 2;           ///< Indent unit for nested mappings.
  bool indent_sequences = true;  ///< `key:\n  - a` (true) or `key:\n- a` (false).
};

/// Detects the style from the text and (optionally) the parsed tree.
Style DetectStyle(std::string_view text, const yaml::Node* root);

/// A value to write. Scalars are YAML text as they should appear (quote them with Str/Quoted).
struct YamlValue {
  enum class Kind : uint8_t { kScalar, kMap, kSeq };
  Kind kind = Kind::kScalar;
  std::string scalar;
  std::vector<std::pair<std::string, YamlValue>> map;
  std::vector<YamlValue> seq;
  bool flow = false;  ///< Write this collection as `[a, b]` / `{a: b}` even in block context.

  // Declared here and defaulted below the class: defined implicitly, they would be instantiated
  // while YamlValue is still incomplete, which libstdc++'s std::pair rejects under clang (the
  // fuzz build).
  YamlValue();
  YamlValue(const YamlValue&);
  YamlValue(YamlValue&&) noexcept;
  YamlValue& operator=(const YamlValue&);
  YamlValue& operator=(YamlValue&&) noexcept;
  ~YamlValue();

  /// Verbatim YAML scalar text.
  static YamlValue Raw(std::string yaml_text);
  /// `s` as a plain scalar when YAML reads it back as the same string, else double-quoted.
  static YamlValue Str(std::string_view s);
  /// `s` double-quoted.
  static YamlValue Quoted(std::string_view s);
  static YamlValue Map(std::vector<std::pair<std::string, YamlValue>> entries, bool flow = false);
  static YamlValue Seq(std::vector<YamlValue> items, bool flow = false);
};

inline YamlValue::YamlValue() = default;
inline YamlValue::YamlValue(const YamlValue&) = default;
inline YamlValue::YamlValue(YamlValue&&) noexcept = default;
inline YamlValue& YamlValue::operator=(const YamlValue&) = default;
inline YamlValue& YamlValue::operator=(YamlValue&&) noexcept = default;
inline YamlValue::~YamlValue() = default;

/// True if `s` can be written as a plain scalar and read back as the same string (not a bool,
/// number or null in YAML 1.1 or 1.2, no indicators, no `: ` or ` #`).
bool PlainSafe(std::string_view s);
/// `s` as a double-quoted YAML scalar.
std::string DoubleQuote(std::string_view s);
/// Renders `v` in flow style (`{a: b, c: [d]}`).
std::string RenderFlow(const YamlValue& v);

/// Merges insertions at the same offset (in the given order) and sorts; for fixes built from
/// several helpers. nullopt if two edits overlap.
std::optional<std::vector<Edit>> MergeEdits(std::vector<Edit> edits);

/// Column (bytes from the line start) of `offset`.
uint32_t ColumnOf(std::string_view text, uint32_t offset);
/// True if a node starts a flow collection (`{` / `[`).
bool IsFlow(std::string_view text, const yaml::Node& node);

class Editor {
 public:
  explicit Editor(std::string_view text, const yaml::Node* root = nullptr)
      : text_(text), style_(DetectStyle(text, root)) {}

  const Style& style() const { return style_; }
  std::string_view text() const { return text_; }

  /// Adds `key: value` after the last entry written in `mapping` (block: on new lines at the
  /// mapping's key column; flow: before the closing brace).
  std::optional<Edit> InsertEntry(const yaml::Node& mapping, std::string_view key,
                                  const YamlValue& value) const;
  /// Adds several entries at once (one edit), in order.
  std::optional<Edit> InsertEntries(const yaml::Node& mapping,
                                    const std::vector<std::pair<std::string, YamlValue>>& entries) const;
  /// Appends `item` to a sequence (block: a new `- item` line; flow: `, item`).
  std::optional<Edit> AppendItem(const yaml::Node& seq, const YamlValue& item) const;
  /// Appends several items at once (one edit).
  std::optional<Edit> AppendItems(const yaml::Node& seq, const std::vector<YamlValue>& items) const;
  /// Replaces a scalar's text, keeping its quoting style where the new text allows it.
  std::optional<Edit> ReplaceScalar(const yaml::Node& scalar, std::string_view new_value) const;
  /// Replaces a scalar with verbatim YAML text (`true`, a number).
  std::optional<Edit> ReplaceRaw(const yaml::Node& scalar, std::string yaml_text) const;
  /// Replaces the value of entry `index` of `mapping` (also a null value: `key:`) with `value`.
  std::optional<Edit> ReplaceValue(const yaml::Node& mapping, size_t index, const YamlValue& value) const;
  /// Deletes entry `index` of `mapping`: its whole lines in block style (comment lines above it
  /// are kept), `key: value` and a comma in flow style.
  std::optional<Edit> DeleteEntry(const yaml::Node& mapping, size_t index) const;
  /// Deletes item `index` of a sequence.
  std::optional<Edit> DeleteItem(const yaml::Node& seq, size_t index) const;
  /// Reorders the entries (mapping) or items (sequence) of a block collection: `order[i]` is the
  /// index of the entry that goes to position i. Comment lines directly above an entry move with
  /// it. One edit covering the collection.
  std::optional<Edit> Reorder(const yaml::Node& collection, const std::vector<size_t>& order) const;

  /// Lines for `key: value` at column `col` (block style), each ending with the newline.
  std::string RenderEntry(std::string_view key, const YamlValue& value, uint32_t col) const;
  /// Lines for `- item` with the dash at column `col`.
  std::string RenderItem(const YamlValue& item, uint32_t col) const;

  /// The column keys of a block mapping start at.
  uint32_t KeyColumn(const yaml::Node& mapping) const;
  /// Offset just past the line holding the last byte written for `node` (its own entries, merge
  /// keys and items; entries merged in from elsewhere do not count).
  uint32_t EndOfBlock(const yaml::Node& node) const;

 private:
  std::string_view text_;
  Style style_;
};

}  // namespace shipshape::compose::edit

#endif  // SHIPSHAPE_COMPOSE_EDIT_H_
