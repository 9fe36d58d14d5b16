// `shipshape lsp`: a Language Server Protocol server over stdio. JSON-RPC 2.0 messages framed by
// `Content-Length` headers; every open Dockerfile, Compose file, .env, .dockerignore and entrypoint
// script is linted from the editor's in-memory text on open and on every change, and the results
// are published as diagnostics. Code actions turn each diagnostic's Fix into a quick fix, add
// "ignore RULE" suppression comments and a "fix all safe problems" source action; hover shows the
// rule's documentation.
//
// The server never writes files and never runs anything: it reads the configuration
// (.shipshape.yaml / .hadolint.yaml) and files beside the document (.env, build contexts) from
// disk, and sends edits to the client, which applies them. Malformed framing, invalid JSON and
// ill-typed parameters are answered with JSON-RPC errors or ignored; none ends the session except
// end of input and the `exit` notification.
#ifndef SHIPSHAPE_LSP_LSP_H_
#define SHIPSHAPE_LSP_LSP_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/config.h"
#include "core/diagnostic.h"
#include "core/source.h"

namespace shipshape::lsp {

using Json = nlohmann::json;

/// LSP position: 0-based line and character in UTF-16 code units.
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
};

/// Converts between byte offsets and LSP positions for one text. Lines end at `\n`, `\r\n` or a
/// lone `\r`, as the protocol specifies. Out-of-range positions are clamped to the line or text end.
class PositionMap {
 public:
  explicit PositionMap(std::string_view text);
  Position ToPosition(uint32_t offset) const;
  uint32_t ToOffset(Position pos) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
  uint32_t LineEnd(uint32_t line) const;  ///< Byte offset of the end of `line`, before its break.
};

/// Reads one framed message body from `in`. Returns false at end of input. Headers without a
/// usable Content-Length, or with one over the limit, are skipped; `*body` is then empty.
bool ReadMessage(std::FILE* in, std::string* body);
/// Writes `message` framed with its Content-Length to `out` and flushes.
void WriteMessage(std::FILE* out, const Json& message);

/// One open document.
struct Document {
  std::string uri;
  std::string language_id;
  int64_t version = 0;
  SourceFile file;                       ///< Path from the URI; text is the editor's buffer.
  std::vector<Diagnostic> diagnostics;   ///< From the last lint of `file.text`.
};

/// The protocol state machine. `Handle` takes one decoded message and returns the messages to
/// send (responses and notifications), in order. Separate from the I/O loop so tests drive it.
class Server {
 public:
  Server();
  ~Server();
  std::vector<Json> Handle(const Json& message);
  /// Handles one raw body (a JSON text); invalid JSON yields a Parse error response.
  std::vector<Json> HandleText(std::string_view body);
  bool exited() const { return exited_; }
  /// Process exit code after `exit`: 0 when `shutdown` came first, else 1.
  int exit_code() const { return shutdown_ ? 0 : 1; }

  /// Lints `doc` with the configuration that applies to its path (exposed for the benchmark).
  void Lint(Document* doc);
  Document* Find(const std::string& uri);

 private:
  Json Request(const std::string& method, const Json& params, const Json& id);
  void Notification(const std::string& method, const Json& params, std::vector<Json>* out);
  Json Initialize(const Json& params);
  Json CodeActions(const Json& params);
  Json Hover(const Json& params);
  Json Publish(const Document& doc);
  Json ToLspDiagnostic(const PositionMap& map, const Diagnostic& d) const;
  const Config& ConfigFor(const std::string& path);
  void ReloadConfigs(std::vector<Json>* out);
  /// Re-lints and publishes the other open Compose files of `changed`'s directory (its project).
  void RelintProject(const Document& changed, std::vector<Json>* out);

  std::map<std::string, std::unique_ptr<Document>> docs_;
  std::map<std::string, std::unique_ptr<Config>> configs_;  ///< By document path.
  std::string docs_base_;
  bool initialized_ = false;
  bool watch_configs_ = false;  ///< The client can watch files for us (dynamic registration).
  bool shutdown_ = false;
  bool exited_ = false;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Converts a `file://` URI to a path (percent-decoded); other schemes give the URI unchanged.
std::string UriToPath(std::string_view uri);

/// Runs the server until `exit` or end of input. Returns the process exit code.
int Run(std::FILE* in, std::FILE* out);

}  // namespace shipshape::lsp

#endif  // SHIPSHAPE_LSP_LSP_H_
