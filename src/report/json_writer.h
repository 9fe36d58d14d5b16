// A streaming JSON writer for the reports that can hold thousands of findings. Building a DOM
// (nlohmann::json) and dumping it cost more than linting the whole corpus; this appends straight
// to a string. Its output is byte-for-byte what `nlohmann::json::dump(2, ' ', false,
// error_handler_t::replace)` prints for the same document (same indentation, escapes, and U+FFFD
// for invalid UTF-8), which json_writer_test.cc checks, so switching writers changes no report.
//
// The caller writes object keys in the order it wants them printed (nlohmann's sorted order, to
// keep the documented schema's key order). Misuse (a value where a key is expected) is a
// programming error caught by the tests, not validated at run time.
#ifndef SHIPSHAPE_REPORT_JSON_WRITER_H_
#define SHIPSHAPE_REPORT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::report {

/// Appends `s` as a JSON string literal (quotes included) the way nlohmann does with
/// ensure_ascii=false and the `replace` error handler.
void AppendJsonString(std::string& out, std::string_view s);

class JsonWriter {
 public:
  /// `indent` spaces per level; output goes to `out` (appended).
  explicit JsonWriter(std::string& out, int indent = 2) : out_(out), indent_(indent) {}
  /// A writer that continues inside `depth` open containers whose innermost already holds
  /// values unless `container_empty`: for rendering a slice of a long array on its own (in
  /// parallel) and splicing it in. Such a writer never closes the containers it starts in.
  JsonWriter(std::string& out, int indent, size_t depth, bool container_empty)
      : out_(out), indent_(indent), stack_(depth) {
    if (depth > 0) stack_.back().empty = container_empty;
  }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  /// Next member's key; the value follows with one of the value calls or Begin*.
  void Key(std::string_view k);

  void String(std::string_view v) { BeforeValue(); AppendJsonString(out_, v); }
  void Int(int64_t v) { BeforeValue(); out_ += std::to_string(v); }
  void Uint(uint64_t v) { BeforeValue(); out_ += std::to_string(v); }
  void Bool(bool v) { BeforeValue(); out_ += v ? "true" : "false"; }
  void Null() { BeforeValue(); out_ += "null"; }

  /// Shorthands for a member.
  void Member(std::string_view k, std::string_view v) { Key(k); String(v); }
  void Member(std::string_view k, const char* v) { Key(k); String(v); }
  void Member(std::string_view k, const std::string& v) { Key(k); String(v); }
  void Member(std::string_view k, uint64_t v) { Key(k); Uint(v); }
  void Member(std::string_view k, uint32_t v) { Key(k); Uint(v); }
  void Member(std::string_view k, int v) { Key(k); Int(v); }
  void MemberNull(std::string_view k) { Key(k); Null(); }
  /// Records that values were spliced into the innermost container behind the writer's back.
  void MarkNonEmpty() { stack_.back().empty = false; }
  size_t depth() const { return stack_.size(); }

 private:
  struct Level {
    bool empty = true;
  };
  void Open(char c);
  void Close(char c);
  // Starts an array element (a newline and indentation); after a key, nothing.
  void BeforeValue();
  void NewLine(size_t depth);

  std::string& out_;
  int indent_;
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace shipshape::report

#endif  // SHIPSHAPE_REPORT_JSON_WRITER_H_
