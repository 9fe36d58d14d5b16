// A YAML tree that remembers where everything came from. Built from libfyaml's event API (not its
// document API) so that every node, mapping key and scalar keeps its exact byte range in the
// source buffer, for messages and for minimal edits.
//
// What the builder does on top of plain parsing:
//  - aliases resolve to the anchored node (shared, never copied) while the alias's own range is
//    kept on the mapping entry / sequence item that holds it;
//  - `<<` merge keys (single alias or list of aliases) are merged with YAML 1.1 semantics: local
//    keys win, earlier merge sources win over later ones; merged entries point at the definition;
//  - alias expansion is bounded: the expanded size of the document (counting every alias use)
//    and its expanded depth are capped, so a billion-laughs file yields an error, not an outage;
//  - the builder is iterative, so deep nesting cannot overflow the stack;
//  - duplicate mapping keys are collected with both ranges;
//  - syntax errors, invalid UTF-8 and binary input are returned as data, never thrown.
// Byte offsets are absolute offsets into the input, including a UTF-8 BOM and CR bytes.
#ifndef SHIPSHAPE_YAML_YAML_H_
#define SHIPSHAPE_YAML_YAML_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"

namespace shipshape::yaml {

enum class Kind : uint8_t { kScalar, kMapping, kSequence };
enum class ScalarStyle : uint8_t { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct Node;

/// One `key: value` pair of a mapping, after alias resolution and merge-key expansion.
struct Entry {
  const Node* key = nullptr;
  const Node* value = nullptr;
  /// Where the key / value is written. For a value written as `*alias`, `value_range` is the
  /// alias's range and `value->range` is the anchored definition. For entries brought in by a
  /// `<<` merge key, both ranges point into the merged-from mapping (the definition).
  TextRange key_range;
  TextRange value_range;
  /// Set for entries that came from a `<<` merge key: the range of that `<<: ...` value (the
  /// `*alias` or `[*a, *b]` in the mapping that merges).
  std::optional<TextRange> merged_via;
  bool value_is_alias = false;
};

/// One sequence item. `range` is the alias's range when the item was written as `*alias`.
struct Item {
  const Node* node = nullptr;
  TextRange range;
  bool is_alias = false;
};

struct Node {
  Kind kind = Kind::kScalar;
  ScalarStyle style = ScalarStyle::kPlain;  ///< Scalars only.
  std::string value;                        ///< Decoded scalar text (escapes, folding applied).
  std::string tag;     ///< As written, e.g. "!reset", "!override", "!!str"; empty if none.
  std::string anchor;  ///< Anchor name defined on this node (without '&'), if any.
  /// The node as written: scalars include their quotes (and a block scalar its `|`/`>`
  /// indicator); flow collections include their brackets; block collections span from their
  /// first to their last child. Anchors and tags are not included.
  TextRange range;
  std::vector<Entry> entries;  ///< Mappings: entries in source order (merged ones last).
  std::vector<Item> items;     ///< Sequences.
  /// Mappings: ranges of `<<` merge-key values (the entry itself is removed from `entries`).
  std::vector<TextRange> merge_ranges;
  /// Builder bookkeeping: size and depth with every alias expanded (saturating).
  uint64_t expanded_size = 1;
  /// Which file the node came from (ParseOptions::source_id); lets merged trees keep provenance.
  uint16_t source = 0;
  uint32_t expanded_depth = 1;

  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsMapping() const { return kind == Kind::kMapping; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  /// A plain `null`, `~`, `Null`, `NULL` or empty scalar (without a non-null tag).
  bool IsNull() const;
  /// True if this is a plain scalar that YAML 1.2 core schema reads as a bool / int / float.
  std::optional<bool> AsBool() const;
  std::optional<int64_t> AsInt() const;
  std::optional<double> AsDouble() const;
  /// The mapping entry with scalar key `key`, or nullptr. Linear; mappings are small.
  const Entry* Find(std::string_view key) const;
  /// Shorthand for Find(key)->value, or nullptr.
  const Node* Get(std::string_view key) const;
};

/// A problem found while parsing: message and byte range. Line/column are computed by reporters.
struct Error {
  std::string message;
  TextRange range;
};

struct DuplicateKey {
  std::string key;
  TextRange first;   ///< The key range of the first occurrence (the one kept).
  TextRange second;  ///< The later, ignored occurrence.
};

struct ParseOptions {
  uint64_t max_expanded_nodes = 1'000'000;  ///< Cap on nodes counted with every alias expanded.
  uint32_t max_depth = 1'000;               ///< Cap on nesting depth (also through aliases).
  uint16_t source_id = 0;                   ///< Stored in every Node::source.
};

/// A parsed YAML stream. Holds the first document; later documents are only noted.
/// Owns its nodes; `text` must outlive it (string_views point into the caller's buffer).
class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  /// Root of the first document, or nullptr (empty input or fatal error).
  const Node* root() const { return root_; }
  /// Syntax errors, limit violations, encoding problems. Empty means the parse is clean.
  const std::vector<Error>& errors() const { return errors_; }
  bool ok() const { return errors_.empty(); }
  const std::vector<DuplicateKey>& duplicate_keys() const { return duplicates_; }
  /// Number of YAML documents in the stream (0 for an empty file).
  uint32_t document_count() const { return document_count_; }
  /// Start offsets of documents after the first (ignored by the model).
  const std::vector<uint32_t>& extra_document_starts() const { return extra_docs_; }
  /// Expanded node count (every alias use counted in full).
  uint64_t expanded_size() const { return expanded_size_; }
  std::string_view text() const { return text_; }

  /// Allocates a node owned by this document (used by the builder and by tests).
  Node* NewNode() { return &nodes_.emplace_back(); }

 private:
  friend std::unique_ptr<Document> Parse(std::string_view, const ParseOptions&);
  std::string_view text_;
  const Node* root_ = nullptr;
  std::vector<Error> errors_;
  std::vector<DuplicateKey> duplicates_;
  std::vector<uint32_t> extra_docs_;
  uint32_t document_count_ = 0;
  uint64_t expanded_size_ = 0;
  std::deque<Node> nodes_;
};

/// Parses `text`. Never throws, never returns null. Errors are in `Document::errors()`; when a
/// syntax error happens the tree built so far is discarded (root() is null).
std::unique_ptr<Document> Parse(std::string_view text, const ParseOptions& options = {});

/// Offset of the first invalid UTF-8 byte (or NUL byte) in `text`, or nullopt if it is clean.
std::optional<uint32_t> FindInvalidUtf8(std::string_view text);

/// Debug dump in a compact s-expression form, e.g. `{a: [1 "x"]}`; used by table tests.
std::string Dump(const Node* node);

}  // namespace shipshape::yaml

#endif  // SHIPSHAPE_YAML_YAML_H_
