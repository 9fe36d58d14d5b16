// `shipshape lsp` while typing: a document opened, then a stream of incremental edits (ranges that
// may be out of bounds, reversed, or split UTF-8 and UTF-16 surrogates), each followed by a
// code-action and a hover request. The server must never crash or hang on partial, broken text.
// Input layout: byte 0 picks the file kind; then records of
//   [l1][c1][l2][c2][n] followed by n bytes of replacement text,
// until the input ends. The opening text is the replacement of the first record.
#include <cstdint>
#include <string>

#include "lsp/lsp.h"

namespace {

using shipshape::lsp::Json;

const char* const kNames[] = {"Dockerfile", "compose.yaml", ".env", ".dockerignore", "entrypoint.sh",
                              "compose.override.yaml"};
const char* const kLangs[] = {"dockerfile", "dockercompose", "dotenv", "ignore", "shellscript", "yaml"};

Json Msg(const char* method, Json params, int id = 0) {
  Json m = {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
  if (id) m["id"] = id;
  return m;
}

Json Pos(uint8_t line, uint8_t ch) { return {{"line", line % 64}, {"character", ch}}; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static shipshape::lsp::Server* server = [] {
    auto* s = new shipshape::lsp::Server();
    s->Handle(Msg("initialize", Json::object(), 1));
    s->Handle(Msg("initialized", Json::object()));
    return s;
  }();
  const size_t kind = data[0] % 6;
  // A directory that does not exist: nothing beside the document is found on disk.
  const std::string uri = std::string("file:///nonexistent-shipshape-fuzz/") + kNames[kind];
  size_t at = 1;
  bool opened = false;
  int version = 1;
  while (at + 5 <= size) {
    const uint8_t* r = data + at;
    const size_t n = r[4];
    at += 5;
    const std::string text(reinterpret_cast<const char*>(data + at), std::min(n, size - at));
    at += text.size();
    if (!opened) {
      server->Handle(Msg("textDocument/didOpen", {{"textDocument",
                                                   {{"uri", uri}, {"languageId", kLangs[kind]},
                                                    {"version", version}, {"text", text}}}}));
      opened = true;
      continue;
    }
    Json change = {{"text", text}};
    if (r[0] != 0xff) change["range"] = {{"start", Pos(r[0], r[1])}, {"end", Pos(r[2], r[3])}};
    server->Handle(Msg("textDocument/didChange",
                       {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                        {"contentChanges", Json::array({change})}}));
    const Json range = {{"start", Pos(r[0], 0)}, {"end", Pos(r[2], r[3])}};
    server->Handle(Msg("textDocument/codeAction",
                       {{"textDocument", {{"uri", uri}}}, {"range", range},
                        {"context", {{"diagnostics", Json::array()}}}},
                       2));
    server->Handle(Msg("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", Pos(r[0], r[1])}}, 3));
  }
  if (opened) server->Handle(Msg("textDocument/didClose", {{"textDocument", {{"uri", uri}}}}));
  return 0;
}
