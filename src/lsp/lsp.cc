#include "lsp/lsp.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <set>

#include "config/loader.h"
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace shipshape::lsp {

namespace {

constexpr size_t kMaxBody = 64u << 20;    // Larger messages are skipped, never buffered.
constexpr size_t kMaxHeaderLine = 8192;  // Longer header lines are garbage; their rest is dropped.

/// Where the rule pages are, as a file:// URI ending in '/': installed beside the binary by
/// `make install` (PREFIX/share/doc/shipshape/rules), or the source tree's docs/rules when run
/// from a build tree. Empty when neither exists: diagnostics then carry no link (hover still
/// shows the docs), rather than a link to a page that is not there. The client's `docsBaseUrl`
/// initialization option overrides it.
std::string DefaultDocsBase() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  const std::filesystem::path exe(std::string(buf, static_cast<size_t>(n)));
  for (const char* rel : {"../share/doc/shipshape/rules", "../docs/rules"}) {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::weakly_canonical(exe.parent_path() / rel, ec);
    if (ec || !std::filesystem::is_directory(dir, ec)) continue;
    std::string uri = "file://";
    for (char c : dir.string()) {
      if (c == ' ' || c == '%' || c == '#' || c == '?') {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
        uri += hex;
      } else {
        uri += c;
      }
    }
    return uri + "/";
  }
  return {};
}

// JSON-RPC / LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

// Typed accessors that never throw: a missing or ill-typed member reads as absent.
const Json* Member(const Json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}
std::optional<std::string> Str(const Json& j, const char* key) {
  const Json* m = Member(j, key);
  if (!m || !m->is_string()) return std::nullopt;
  return m->get<std::string>();
}
std::optional<int64_t> Int(const Json& j, const char* key) {
  const Json* m = Member(j, key);
  if (!m || !m->is_number_integer()) return std::nullopt;
  return m->get<int64_t>();
}
const Json& Obj(const Json& j, const char* key) {
  static const Json kEmpty = Json::object();
  const Json* m = Member(j, key);
  return m && m->is_object() ? *m : kEmpty;
}
std::optional<Position> Pos(const Json& j) {
  auto line = Int(j, "line");
  auto ch = Int(j, "character");
  if (!line || !ch || *line < 0 || *ch < 0) return std::nullopt;
  auto clamp = [](int64_t v) { return static_cast<uint32_t>(std::min<int64_t>(v, UINT32_MAX)); };
  return Position{clamp(*line), clamp(*ch)};
}

Json Response(const Json& id, Json result) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}
Json Error(const Json& id, int code, std::string message) {
  return Json{{"jsonrpc", "2.0"},
              {"id", id},
              {"error", {{"code", code}, {"message", std::move(message)}}}};
}
Json Notify(const char* method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

int LspSeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
    case Severity::kStyle:
      return 4;
  }
  return 2;
}

std::string BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool IsConfigFile(std::string_view path) {
  const std::string name = BaseName(path);
  return name == ".shipshape.yaml" || name == ".shipshape.yml" || name == ".hadolint.yaml" ||
         name == ".hadolint.yml";
}

FileKind KindOf(const std::string& path, const std::string& language_id, std::string_view text) {
  FileKind k = ClassifyPath(path);
  if (k != FileKind::kOther) return k;
  if (language_id == "dockerfile") return FileKind::kDockerfile;
  if (language_id == "dockercompose") return FileKind::kCompose;
  const bool yaml = language_id == "yaml" || path.ends_with(".yml") || path.ends_with(".yaml");
  if (yaml && !IsConfigFile(path) && LooksLikeCompose(text)) return FileKind::kCompose;
  return FileKind::kOther;
}

/// Does an LSP `only` filter (a list of kinds) admit `kind`? Absent filter admits everything.
bool KindWanted(const Json& context, std::string_view kind) {
  const Json* only = Member(context, "only");
  if (!only || !only->is_array()) return true;
  for (const Json& k : *only) {
    if (!k.is_string()) continue;
    const std::string& want = k.get_ref<const std::string&>();
    if (kind == want || (kind.size() > want.size() && kind.substr(0, want.size()) == want &&
                         kind[want.size()] == '.'))
      return true;
  }
  return false;
}

}  // namespace

// ---- Positions -------------------------------------------------------------------------------

PositionMap::PositionMap(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      starts_.push_back(i + 1);
  }
}

uint32_t PositionMap::LineEnd(uint32_t line) const {
  uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] : static_cast<uint32_t>(text_.size());
  if (line + 1 < starts_.size()) {
    if (end > starts_[line] && text_[end - 1] == '\n') --end;
    if (end > starts_[line] && text_[end - 1] == '\r') --end;
  }
  return end;
}

// UTF-16 units for the UTF-8 sequence led by byte `b`: 2 for 4-byte sequences (astral planes),
// 1 for other lead bytes, 0 for continuation bytes. Invalid bytes count as one unit each.
static uint32_t Utf16Units(unsigned char b) {
  if ((b & 0xC0) == 0x80) return 0;
  return (b & 0xF8) == 0xF0 ? 2 : 1;
}

Position PositionMap::ToPosition(uint32_t offset) const {
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  const uint32_t end = std::min(offset, LineEnd(line));
  uint32_t ch = 0;
  for (uint32_t i = starts_[line]; i < end; ++i) ch += Utf16Units(static_cast<unsigned char>(text_[i]));
  return {line, ch};
}

uint32_t PositionMap::ToOffset(Position pos) const {
  if (pos.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  const uint32_t end = LineEnd(pos.line);
  uint32_t i = starts_[pos.line], ch = 0;
  while (i < end) {
    const uint32_t units = Utf16Units(static_cast<unsigned char>(text_[i]));
    if (ch + units > pos.character) break;  // A position inside a surrogate pair snaps back.
    ch += units;
    ++i;
    while (i < end && Utf16Units(static_cast<unsigned char>(text_[i])) == 0) ++i;
  }
  return i;
}

// ---- Framing ---------------------------------------------------------------------------------

bool ReadMessage(std::FILE* in, std::string* body) {
  body->clear();
  std::optional<size_t> length;
  bool any_header = false;
  std::string line;
  for (;;) {
    line.clear();
    int c;
    while ((c = std::getc(in)) != EOF && c != '\n')
      if (line.size() < kMaxHeaderLine) line.push_back(static_cast<char>(c));
    if (c == EOF) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (any_header) break;
      continue;  // Stray blank lines between messages.
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name != "content-length") continue;
    size_t p = colon + 1;
    while (p < line.size() && line[p] == ' ') ++p;
    size_t n = 0;
    bool digits = p < line.size();
    for (; p < line.size(); ++p) {
      if (!std::isdigit(static_cast<unsigned char>(line[p])) || n > kMaxBody) {
        digits = false;
        break;
      }
      n = n * 10 + static_cast<size_t>(line[p] - '0');
    }
    length = digits ? std::optional<size_t>(n) : std::nullopt;
  }
  if (!length) return true;  // Headers without a usable length: nothing to read.
  if (*length > kMaxBody) {
    // Too large to hold: consume and drop it so the stream stays in step.
    for (size_t i = 0; i < *length; ++i)
      if (std::getc(in) == EOF) return false;
    return true;
  }
  body->resize(*length);
  size_t got = *length ? std::fread(body->data(), 1, *length, in) : 0;
  if (got < *length) {
    body->clear();
    return false;
  }
  return true;
}

void WriteMessage(std::FILE* out, const Json& message) {
  const std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::fprintf(out, "Content-Length: %zu\r\n\r\n", body.size());
  std::fwrite(body.data(), 1, body.size(), out);
  std::fflush(out);
}

std::string UriToPath(std::string_view uri) {
  if (uri.substr(0, 7) != "file://") return std::string(uri);
  std::string_view rest = uri.substr(7);
  size_t slash = rest.find('/');  // Skip an authority ("file://localhost/...").
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2])));
      i += 2;
    } else {
      out.push_back(rest[i]);
    }
  }
  return out;
}

// ---- Server ----------------------------------------------------------------------------------

struct Server::Impl {
  RealFileSystem fs;
};

Server::Server() : docs_base_(DefaultDocsBase()), impl_(std::make_unique<Impl>()) {}
Server::~Server() = default;

Document* Server::Find(const std::string& uri) {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : it->second.get();
}

std::vector<Json> Server::HandleText(std::string_view body) {
  Json j = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return {Error(nullptr, kParseError, "invalid JSON")};
  return Handle(j);
}

std::vector<Json> Server::Handle(const Json& message) {
  std::vector<Json> out;
  if (message.is_array()) {  // JSON-RPC batch: LSP does not use them, but answer each entry.
    if (message.empty()) return {Error(nullptr, kInvalidRequest, "empty batch")};
    for (const Json& m : message) {
      std::vector<Json> r = Handle(m);
      out.insert(out.end(), r.begin(), r.end());
    }
    return out;
  }
  auto method = Str(message, "method");
  const Json* id = Member(message, "id");
  const bool is_request = id && (id->is_string() || id->is_number_integer());
  if (!method) {
    const bool response = id && !Member(message, "method") &&
                          (Member(message, "result") || Member(message, "error"));
    if (response) return {};  // A reply to a request we never send: ignore.
    return {Error(is_request ? *id : Json(nullptr), kInvalidRequest, "not a JSON-RPC request")};
  }
  const Json* p = Member(message, "params");
  const Json params = p ? *p : Json::object();
  try {
    if (is_request) {
      out.push_back(Request(*method, params, *id));
      return out;
    }
    Notification(*method, params, &out);
  } catch (const std::exception& e) {
    if (is_request) return {Error(*id, kInternalError, e.what())};
  }
  return out;
}

Json Server::Request(const std::string& method, const Json& params, const Json& id) {
  if (method == "initialize") {
    if (initialized_) return Error(id, kInvalidRequest, "initialize sent twice");
    initialized_ = true;
    return Response(id, Initialize(params));
  }
  if (!initialized_) return Error(id, kServerNotInitialized, "initialize first");
  if (shutdown_) return Error(id, kInvalidRequest, "the server is shutting down");
  if (method == "shutdown") {
    shutdown_ = true;
    return Response(id, nullptr);
  }
  if (method == "textDocument/codeAction") return Response(id, CodeActions(params));
  if (method == "textDocument/hover") return Response(id, Hover(params));
  return Error(id, kMethodNotFound, "method not supported: " + method);
}

Json Server::Initialize(const Json& params) {
  const Json* dyn = Member(Obj(Obj(Obj(params, "capabilities"), "workspace"), "didChangeWatchedFiles"),
                           "dynamicRegistration");
  watch_configs_ = dyn && dyn->is_boolean() && dyn->get<bool>();
  if (auto base = Str(Obj(params, "initializationOptions"), "docsBaseUrl")) docs_base_ = *base;
  return {
      {"capabilities",
       {{"textDocumentSync",
         {{"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider",
         {{"codeActionKinds", {"quickfix", "source.fixAll.shipshape"}}}},
        {"hoverProvider", true},
        {"positionEncoding", "utf-16"}}},
      {"serverInfo", {{"name", "shipshape"}, {"version", SHIPSHAPE_VERSION}}},
  };
}

void Server::Notification(const std::string& method, const Json& params, std::vector<Json>* out) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;
  if (method == "initialized" && watch_configs_) {
    // Config files edited outside the editor: ask the client to tell us (didChangeWatchedFiles).
    Json watcher = {{"globPattern", "**/{.shipshape,.hadolint}.{yaml,yml}"}};
    out->push_back({{"jsonrpc", "2.0"},
                    {"id", "shipshape-watch-config"},
                    {"method", "client/registerCapability"},
                    {"params",
                     {{"registrations",
                       Json::array({{{"id", "shipshape-config"},
                                     {"method", "workspace/didChangeWatchedFiles"},
                                     {"registerOptions", {{"watchers", Json::array({watcher})}}}}})}}}});
    return;
  }
  const Json& td = Obj(params, "textDocument");
  auto uri = Str(td, "uri");
  if (method == "textDocument/didOpen") {
    auto text = Str(td, "text");
    if (!uri || !text) return;
    auto doc = std::make_unique<Document>();
    doc->uri = *uri;
    doc->language_id = Str(td, "languageId").value_or("");
    doc->version = Int(td, "version").value_or(0);
    doc->file.path = UriToPath(*uri);
    doc->file.text = std::move(*text);
    doc->file.kind = KindOf(doc->file.path, doc->language_id, doc->file.text);
    if (uri->starts_with("file://")) doc->file.mode = impl_->fs.Mode(doc->file.path).value_or(0644);
    Document* d = doc.get();
    docs_[*uri] = std::move(doc);
    Lint(d);
    out->push_back(Publish(*d));
    RelintProject(*d, out);
  } else if (method == "textDocument/didChange") {
    Document* d = uri ? Find(*uri) : nullptr;
    const Json* changes = Member(params, "contentChanges");
    if (!d || !changes || !changes->is_array()) return;
    for (const Json& c : *changes) {
      auto text = Str(c, "text");
      if (!text) continue;
      const Json* range = Member(c, "range");
      if (!range) {
        d->file.text = std::move(*text);
        continue;
      }
      auto start = Pos(Obj(*range, "start"));
      auto end = Pos(Obj(*range, "end"));
      if (!start || !end) continue;
      PositionMap map(d->file.text);
      uint32_t a = map.ToOffset(*start), b = map.ToOffset(*end);
      if (b < a) std::swap(a, b);
      d->file.text.replace(a, b - a, *text);
    }
    d->file = SourceFile(d->file);  // Drops the stale line index.
    if (auto v = Int(td, "version")) d->version = *v;
    if (d->file.kind == FileKind::kOther || d->file.kind == FileKind::kCompose)
      d->file.kind = KindOf(d->file.path, d->language_id, d->file.text);
    Lint(d);
    out->push_back(Publish(*d));
    RelintProject(*d, out);
  } else if (method == "textDocument/didSave") {
    if (uri && IsConfigFile(UriToPath(*uri))) ReloadConfigs(out);
  } else if (method == "textDocument/didClose") {
    Document* d = uri ? Find(*uri) : nullptr;
    if (!d) return;
    Document closed;
    closed.file.path = d->file.path;
    closed.file.kind = d->file.kind;
    docs_.erase(*uri);
    out->push_back(Notify("textDocument/publishDiagnostics",
                          {{"uri", *uri}, {"diagnostics", Json::array()}}));
    RelintProject(closed, out);  // Its half of the project is read from disk again.
  } else if (method == "workspace/didChangeWatchedFiles" ||
             method == "workspace/didChangeConfiguration") {
    ReloadConfigs(out);
  }
}

void Server::RelintProject(const Document& changed, std::vector<Json>* out) {
  // A Compose base file and its override are one project: an edit to one changes what the other
  // is judged against (a key the override adds, a service the base defines).
  if (changed.file.kind != FileKind::kCompose) return;
  const std::string dir = DirName(changed.file.path);
  for (auto& [uri, doc] : docs_) {
    if (doc.get() == &changed || doc->file.kind != FileKind::kCompose ||
        doc->file.path == changed.file.path || DirName(doc->file.path) != dir)
      continue;
    Lint(doc.get());
    out->push_back(Publish(*doc));
  }
}

void Server::ReloadConfigs(std::vector<Json>* out) {
  configs_.clear();
  for (auto& [uri, doc] : docs_) {
    Lint(doc.get());
    out->push_back(Publish(*doc));
  }
}

const Config& Server::ConfigFor(const std::string& path) {
  auto it = configs_.find(path);
  if (it != configs_.end()) return *it->second;
  auto config = std::make_unique<Config>();
  std::string note, err;
  const bool on_disk = !path.empty() && path[0] == '/';
  if (on_disk && !LoadConfig("", path, config.get(), &note, &err)) *config = Config();
  if (on_disk && !config->path_overrides.empty() && !config->config_dir.empty() &&
      path.size() > config->config_dir.size() + 1 &&
      path.compare(0, config->config_dir.size(), config->config_dir) == 0) {
    auto per_path = std::make_unique<Config>();
    if (ConfigForPath(*config, path.substr(config->config_dir.size() + 1), per_path.get()))
      config = std::move(per_path);
  }
  return *configs_.emplace(path, std::move(config)).first->second;
}

void Server::Lint(Document* doc) {
  doc->diagnostics.clear();
  if (doc->file.kind == FileKind::kOther) return;
  LintOptions opts;
  opts.config = &ConfigFor(doc->file.path);
  Workspace ws;
  const bool on_disk = doc->uri.starts_with("file://");
  if (on_disk) {
    ws.root = DirName(doc->file.path);
    ws.fs = &impl_->fs;
    for (const auto& [uri, d] : docs_) ws.files.push_back(&d->file);
    opts.workspace = &ws;
  }
  doc->diagnostics = LintFile(doc->file, opts);
}

Json Server::ToLspDiagnostic(const PositionMap& map, const Diagnostic& d) const {
  const Position a = map.ToPosition(d.range.start), b = map.ToPosition(d.range.end);
  Json out = {{"range",
               {{"start", {{"line", a.line}, {"character", a.character}}},
                {"end", {{"line", b.line}, {"character", b.character}}}}},
              {"severity", LspSeverity(d.severity)},
              {"source", "shipshape"},
              {"message", d.message}};
  if (d.rule) {
    out["code"] = std::string(d.rule->code);
    if (!docs_base_.empty())
      out["codeDescription"] = {{"href", docs_base_ + std::string(d.rule->code) + ".md"}};
  }
  return out;
}

Json Server::Publish(const Document& doc) {
  PositionMap map(doc.file.text);
  Json diags = Json::array();
  for (const Diagnostic& d : doc.diagnostics) diags.push_back(ToLspDiagnostic(map, d));
  return Notify("textDocument/publishDiagnostics",
                {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(diags)}});
}

namespace {

Json LspRange(const PositionMap& map, TextRange r) {
  const Position a = map.ToPosition(r.start), b = map.ToPosition(r.end);
  return {{"start", {{"line", a.line}, {"character", a.character}}},
          {"end", {{"line", b.line}, {"character", b.character}}}};
}

Json TextEdits(const PositionMap& map, const std::vector<Edit>& edits) {
  Json out = Json::array();
  for (const Edit& e : edits) out.push_back({{"range", LspRange(map, e.range)}, {"newText", e.text}});
  return out;
}

Json Action(std::string title, const char* kind, const std::string& uri, Json edits) {
  return {{"title", std::move(title)},
          {"kind", kind},
          {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
}

uint32_t LineStartOf(std::string_view text, uint32_t offset) {
  while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r') --offset;
  return offset;
}

std::string IndentAt(std::string_view text, uint32_t line_start) {
  std::string out;
  for (uint32_t i = line_start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
    out.push_back(text[i]);
  return out;
}

/// Where "ignore on this line" goes: the start of the line holding the instruction (Dockerfile)
/// or the diagnostic (Compose), so the comment scopes to it.
uint32_t IgnoreAnchor(const SourceFile& file, const dockerfile::Dockerfile* df, uint32_t at) {
  if (df) {
    for (const dockerfile::Instruction& ins : df->instructions)
      if (ins.range.start <= at && at <= ins.range.end) return LineStartOf(file.text, ins.range.start);
  }
  return LineStartOf(file.text, std::min<uint32_t>(at, static_cast<uint32_t>(file.text.size())));
}

/// The edit for "ignore CODE on this line": extends a `# shipshape ignore=` comment standing
/// right above `line_start`, else inserts one with the line's indentation.
Edit IgnoreEdit(std::string_view text, uint32_t line_start, const std::string& code) {
  if (line_start > 0) {
    uint32_t end = line_start - 1;  // The break ending the line above.
    if (end > 0 && text[end] == '\n' && text[end - 1] == '\r') --end;
    const uint32_t start = LineStartOf(text, end);
    std::string_view above = text.substr(start, end - start);
    while (!above.empty() && (above.back() == ' ' || above.back() == '\t')) above.remove_suffix(1);
    size_t lead = above.find_first_not_of(" \t");
    if (lead != std::string_view::npos && above.substr(lead).starts_with("# shipshape ignore=") &&
        above.find(' ', lead + 19) == std::string_view::npos)
      return Edit::Insert(start + static_cast<uint32_t>(above.size()), "," + code);
  }
  return Edit::Insert(line_start, IndentAt(text, line_start) + "# shipshape ignore=" + code + "\n");
}

/// Where a file-wide ignore goes: after the Dockerfile's parser directives, else the top.
uint32_t FileIgnoreAnchor(const dockerfile::Dockerfile* df, std::string_view text) {
  uint32_t at = 0;
  if (df)
    for (const dockerfile::Directive& d : df->directives) at = std::max(at, d.range.end);
  if (at > 0) {
    while (at < text.size() && text[at] != '\n') ++at;
    if (at < text.size()) ++at;
  }
  return at;
}

}  // namespace

Json Server::CodeActions(const Json& params) {
  Json actions = Json::array();
  auto uri = Str(Obj(params, "textDocument"), "uri");
  Document* doc = uri ? Find(*uri) : nullptr;
  if (!doc) return actions;
  const std::string& text = doc->file.text;
  PositionMap map(text);
  const Json& range = Obj(params, "range");
  const Json& context = Obj(params, "context");
  uint32_t from = map.ToOffset(Pos(Obj(range, "start")).value_or(Position{}));
  uint32_t to = map.ToOffset(Pos(Obj(range, "end")).value_or(Position{}));
  if (to < from) std::swap(from, to);
  // Editors send the cursor or the selection: offer what is on the lines it touches.
  from = LineStartOf(text, from);
  while (to < text.size() && text[to] != '\n' && text[to] != '\r') ++to;
  const bool dockerfile = doc->file.kind == FileKind::kDockerfile;
  const bool suppressible = dockerfile || doc->file.kind == FileKind::kCompose;
  std::unique_ptr<dockerfile::Dockerfile> df;
  if (dockerfile) df = dockerfile::Parse(text);

  if (KindWanted(context, "quickfix")) {
    std::set<std::string> ignored_here;
    for (const Diagnostic& d : doc->diagnostics) {
      if (d.range.start > to || d.range.end < from || !d.rule) continue;
      const Json lsp_diag = ToLspDiagnostic(map, d);
      if (d.fix && d.fix->applicability != Applicability::kDisplayOnly && !d.fix->edits.empty() &&
          d.fix->file_writes.empty()) {
        const bool safe = d.fix->applicability == Applicability::kSafe;
        std::string title = d.fix->title.empty() ? "Fix " + std::string(d.rule->code) : d.fix->title;
        Json a = Action(safe ? title : "(unsafe) " + title, "quickfix", doc->uri,
                        TextEdits(map, d.fix->edits));
        a["diagnostics"] = Json::array({lsp_diag});
        if (safe) a["isPreferred"] = true;
        actions.push_back(std::move(a));
      }
      const std::string code(d.rule->code);
      if (!suppressible || !ignored_here.insert(code).second) continue;
      const uint32_t line = IgnoreAnchor(doc->file, df.get(), d.range.start);
      Json a = Action("Ignore " + code + " on this line", "quickfix", doc->uri,
                      TextEdits(map, {IgnoreEdit(text, line, code)}));
      a["diagnostics"] = Json::array({lsp_diag});
      actions.push_back(std::move(a));
      const uint32_t top = FileIgnoreAnchor(df.get(), text);
      a = Action("Ignore " + code + " in this file", "quickfix", doc->uri,
                 TextEdits(map, {Edit::Insert(top, "# shipshape global ignore=" + code + "\n")}));
      a["diagnostics"] = Json::array({lsp_diag});
      actions.push_back(std::move(a));
    }
  }

  if (KindWanted(context, "source.fixAll.shipshape")) {
    const bool any_safe = std::any_of(doc->diagnostics.begin(), doc->diagnostics.end(), [](auto& d) {
      return d.fix && d.fix->applicability == Applicability::kSafe;
    });
    if (any_safe) {
      LintOptions opts;
      opts.config = &ConfigFor(doc->file.path);
      FixOutcome fixed = FixToFixpoint(doc->file, opts, Applicability::kSafe);
      if (!fixed.unparsable && fixed.text != text) {
        Edit whole = Edit::Replace({0, static_cast<uint32_t>(text.size())}, fixed.text);
        actions.push_back(Action("Fix all safe problems in this file (" +
                                     std::to_string(fixed.fixed) + ")",
                                 "source.fixAll.shipshape", doc->uri, TextEdits(map, {whole})));
      }
    }
  }
  return actions;
}

Json Server::Hover(const Json& params) {
  auto uri = Str(Obj(params, "textDocument"), "uri");
  Document* doc = uri ? Find(*uri) : nullptr;
  auto pos = Pos(Obj(params, "position"));
  if (!doc || !pos) return nullptr;
  PositionMap map(doc->file.text);
  const uint32_t at = map.ToOffset(*pos);
  std::vector<const Rule*> rules;
  TextRange span{at, at};
  for (const Diagnostic& d : doc->diagnostics) {
    if (!d.rule || at < d.range.start || at > d.range.end) continue;
    if (std::find(rules.begin(), rules.end(), d.rule) != rules.end()) continue;
    if (rules.empty()) span = d.range;
    rules.push_back(d.rule);
  }
  if (rules.empty()) {
    // A rule code under the cursor (e.g. in a `# shipshape ignore=` comment).
    const std::string& t = doc->file.text;
    uint32_t a = at, b = at;
    auto word = [&](uint32_t i) { return std::isalnum(static_cast<unsigned char>(t[i])) != 0; };
    while (a > 0 && word(a - 1)) --a;
    while (b < t.size() && word(b)) ++b;
    if (b - a >= 4 && b - a <= 8) {
      if (const Rule* r = FindRule(std::string_view(t).substr(a, b - a)); r && r->code == t.substr(a, b - a)) {
        rules.push_back(r);
        span = {a, b};
      }
    }
  }
  if (rules.empty()) return nullptr;
  std::string md;
  for (const Rule* r : rules) {
    if (!md.empty()) md += "\n\n---\n\n";
    md += RuleDocPage(*r);
  }
  return {{"contents", {{"kind", "markdown"}, {"value", md}}}, {"range", LspRange(map, span)}};
}

int Run(std::FILE* in, std::FILE* out) {
  Server server;
  std::string body;
  while (ReadMessage(in, &body)) {
    if (body.empty()) continue;
    for (const Json& m : server.HandleText(body)) WriteMessage(out, m);
    if (server.exited()) return server.exit_code();
  }
  return server.exit_code();
}

}  // namespace shipshape::lsp
