#include "lsp/lsp.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "testing/cli_run.h"

namespace shipshape::lsp {
namespace {

const char kDockerfile[] =
    "FROM ubuntu:22.04\n"
    "RUN apt-get update && apt-get install curl\n"
    "CMD [\"node\", \"server.js\"]\n";

Json Msg(const char* method, Json params, std::optional<int> id = std::nullopt) {
  Json m = {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
  if (id) m["id"] = *id;
  return m;
}

Json OpenParams(const std::string& uri, const std::string& text, const char* lang = "dockerfile") {
  return {{"textDocument", {{"uri", uri}, {"languageId", lang}, {"version", 1}, {"text", text}}}};
}

Json Range(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

std::string Frame(const Json& m) {
  const std::string body = m.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

/// Runs a whole framed session through lsp::Run and returns the decoded replies.
std::vector<Json> RunSession(const std::string& input, int* code = nullptr) {
  std::FILE* in = fmemopen(const_cast<char*>(input.data()), input.size(), "r");
  char* buf = nullptr;
  size_t len = 0;
  std::FILE* out = open_memstream(&buf, &len);
  const int rc = Run(in, out);
  std::fclose(in);
  std::fclose(out);
  if (code) *code = rc;
  std::string text(buf, len);
  std::free(buf);
  std::vector<Json> replies;
  std::FILE* again = fmemopen(text.data(), text.size(), "r");
  std::string body;
  while (again && ReadMessage(again, &body))
    if (!body.empty()) replies.push_back(Json::parse(body));
  if (again) std::fclose(again);
  return replies;
}

std::vector<std::string> Codes(const Json& publish) {
  std::vector<std::string> out;
  for (const Json& d : publish["params"]["diagnostics"]) out.push_back(d["code"]);
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// Applies LSP TextEdits (non-overlapping) to `text`, last first.
std::string ApplyEdits(std::string text, const Json& edits) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  std::vector<std::string> news;
  {
    PositionMap map(text);
    for (const Json& e : edits) {
      Position a{e["range"]["start"]["line"], e["range"]["start"]["character"]};
      Position b{e["range"]["end"]["line"], e["range"]["end"]["character"]};
      spans.push_back({map.ToOffset(a), map.ToOffset(b)});
      news.push_back(e["newText"]);
    }
  }
  std::vector<size_t> order(spans.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return spans[x].first > spans[y].first; });
  for (size_t i : order) text.replace(spans[i].first, spans[i].second - spans[i].first, news[i]);
  return text;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    auto r = server_.Handle(Msg("initialize", Json::object(), 1));
    ASSERT_EQ(r.size(), 1u);
    server_.Handle(Msg("initialized", Json::object()));
  }
  std::string Uri(const std::string& name) { return "file://" + (dir_.path() / name).string(); }
  Json Open(const std::string& name, const std::string& text, const char* lang = "dockerfile") {
    auto r = server_.Handle(Msg("textDocument/didOpen", OpenParams(Uri(name), text, lang)));
    EXPECT_EQ(r.size(), 1u);
    return r.empty() ? Json() : r[0];
  }
  Json Request(const char* method, Json params) {
    auto r = server_.Handle(Msg(method, std::move(params), ++id_));
    EXPECT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0]["id"], id_);
    return r.empty() ? Json() : r[0];
  }
  Json Actions(const std::string& name, uint32_t line, const Json& only = nullptr) {
    Json ctx = {{"diagnostics", Json::array()}};
    if (!only.is_null()) ctx["only"] = only;
    return Request("textDocument/codeAction", {{"textDocument", {{"uri", Uri(name)}}},
                                               {"range", Range(line, 0, line, 0)},
                                               {"context", ctx}})["result"];
  }
  test::TempDir dir_{"shipshape-lsp"};
  Server server_;
  int id_ = 1;
};

TEST(PositionMapTest, CountsUtf16CodeUnits) {
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes / 2 units (a surrogate pair).
  const std::string text = "ab\r\n# é😀x\rlast";
  PositionMap map(text);
  const uint32_t x = static_cast<uint32_t>(text.find('x'));
  EXPECT_EQ(map.ToPosition(x).line, 1u);
  EXPECT_EQ(map.ToPosition(x).character, 5u);  // '#', ' ', 'é', high, low
  EXPECT_EQ(map.ToOffset({1, 5}), x);
  EXPECT_EQ(map.ToOffset({1, 4}), x - 4);      // Inside the pair: snaps to its start.
  EXPECT_EQ(map.ToOffset({2, 0}), text.find("last"));
  EXPECT_EQ(map.ToOffset({0, 99}), 2u);        // Clamped to the end of the line, before "\r\n".
  EXPECT_EQ(map.ToOffset({99, 0}), text.size());
  for (uint32_t off = 0; off <= text.size(); ++off) {
    const unsigned char b = off < text.size() ? static_cast<unsigned char>(text[off]) : 0;
    if ((b & 0xC0) == 0x80 || b == '\n') continue;  // Inside a character or a line break.
    EXPECT_EQ(map.ToOffset(map.ToPosition(off)), off) << off;
  }
}

TEST(LspFraming, FullSessionOverStreams) {
  std::string in = Frame(Msg("initialize", {{"processId", nullptr}}, 1)) +
                   Frame(Msg("initialized", Json::object())) +
                   Frame(Msg("textDocument/didOpen",
                             OpenParams("file:///nonexistent/dir/Dockerfile", kDockerfile))) +
                   Frame(Msg("shutdown", nullptr, 2)) + Frame(Msg("exit", nullptr));
  int code = -1;
  std::vector<Json> out = RunSession(in, &code);
  EXPECT_EQ(code, 0);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0]["id"], 1);
  const Json& caps = out[0]["result"]["capabilities"];
  EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
  EXPECT_EQ(caps["hoverProvider"], true);
  EXPECT_TRUE(caps.contains("codeActionProvider"));
  EXPECT_EQ(out[1]["method"], "textDocument/publishDiagnostics");
  EXPECT_TRUE(Has(Codes(out[1]), "DF040"));  // apt-get install without -y
  for (const Json& d : out[1]["params"]["diagnostics"]) {
    EXPECT_EQ(d["source"], "shipshape");
    const std::string href = d["codeDescription"]["href"];
    EXPECT_TRUE(href.ends_with("/" + d["code"].get<std::string>() + ".md")) << href;
  }
  EXPECT_EQ(out[2]["id"], 2);
  EXPECT_TRUE(out[2]["result"].is_null());
}

TEST(LspFraming, ExitWithoutShutdownIsAnError) {
  int code = -1;
  RunSession(Frame(Msg("initialize", Json::object(), 1)) + Frame(Msg("exit", nullptr)), &code);
  EXPECT_EQ(code, 1);
}

TEST(LspFraming, GarbageNeverStopsTheServer) {
  std::string in;
  in += "this is not a header\r\n\r\n";                          // No Content-Length.
  in += "Content-Length: banana\r\n\r\n";                         // Unusable length.
  in += Frame(Msg("initialize", Json::object(), 1));
  in += "Content-Length: 5\r\n\r\n{{{{{";                         // Invalid JSON.
  in += "Content-Length: 4\r\n\r\n[42]";                          // Batch of a non-message.
  in += Frame(Json{{"jsonrpc", "2.0"}, {"id", 7}, {"method", 12}});                   // Bad method.
  in += Frame(Msg("textDocument/didOpen", {{"textDocument", 5}}));                       // Bad params.
  in += Frame(Msg("textDocument/didChange", {{"contentChanges", "x"}}));
  in += Frame(Msg("textDocument/codeAction", {{"range", {{"start", -3}}}}, 8));
  in += Frame(Msg("textDocument/hover", Json::array({1, 2}), 9));
  in += Frame(Msg("no/such/method", Json::object(), 10));
  in += Frame(Msg("shutdown", nullptr, 11));
  in += "Content-Length: 99999999999999999999\r\n\r\n";             // Overflowing length.
  in += "Content-Length: 100\r\n\r\n{\"truncated";                  // Body cut short by EOF.
  int code = -1;
  std::vector<Json> out = RunSession(in, &code);
  ASSERT_GE(out.size(), 6u);
  EXPECT_EQ(out[0]["id"], 1);
  EXPECT_EQ(out[1]["error"]["code"], -32700);  // Parse error for "{{{{{".
  bool saw_not_found = false, saw_shutdown = false;
  for (const Json& m : out) {
    if (m.value("id", Json()) == 10) saw_not_found = m["error"]["code"] == -32601;
    if (m.value("id", Json()) == 11) saw_shutdown = m.contains("result");
    if (m.value("id", Json()) == 8 || m.value("id", Json()) == 9) {
      EXPECT_TRUE(m.contains("result"));
    }
  }
  EXPECT_TRUE(saw_not_found);
  EXPECT_TRUE(saw_shutdown);
  EXPECT_EQ(code, 0);  // EOF after shutdown.
}

TEST(LspFraming, RandomBytesAndRandomEditsNeverCrash) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 50; ++round) {
    std::string noise(rng() % 400, '\0');
    for (char& c : noise) c = static_cast<char>(rng() % 256);
    RunSession(noise);
    RunSession("Content-Length: " + std::to_string(noise.size()) + "\r\n\r\n" + noise);
  }
  // didChange with random ranges over random text: the buffer stays a valid string and linting
  // never fails, whatever the positions.
  Server s;
  s.Handle(Msg("initialize", Json::object(), 1));
  s.Handle(Msg("textDocument/didOpen", OpenParams("untitled:Dockerfile", kDockerfile)));
  const char* pieces[] = {"FROM", " ", "\n", "\\\n", "RUN ", "é", "😀", "\"", "[", "<<EOF\n", "#"};
  for (int i = 0; i < 2000; ++i) {
    auto r = [&](uint32_t n) { return static_cast<uint32_t>(rng() % n); };
    Json change = {{"range", Range(r(6), r(30), r(6), r(30))}, {"text", pieces[r(11)]}};
    auto out = s.Handle(Msg("textDocument/didChange",
                            {{"textDocument", {{"uri", "untitled:Dockerfile"}, {"version", i + 2}}},
                             {"contentChanges", Json::array({change})}}));
    ASSERT_EQ(out.size(), 1u);
    ASSERT_EQ(out[0]["params"]["version"], i + 2);
  }
}

TEST_F(ServerTest, IncrementalEditsUseUtf16Columns) {
  const std::string text = "FROM alpine:3.19\nLABEL x=\"é😀\" y=1\nRUN echo hi\n";
  Open("Dockerfile", text);
  // Replace "1" after "y=" (line 1): columns count é as 1 and 😀 as 2 UTF-16 units.
  const uint32_t col = 16;  // L A B E L _ x = " é 😀😀 " _ y = -> 16 units before "1"
  auto out = server_.Handle(Msg("textDocument/didChange",
                                {{"textDocument", {{"uri", Uri("Dockerfile")}, {"version", 2}}},
                                 {"contentChanges", Json::array({{{"range", Range(1, col, 1, col + 1)},
                                                                  {"text", "22"}},
                                                                 {{"range", Range(2, 9, 2, 11)},
                                                                  {"text", "bye"}}})}}));
  ASSERT_EQ(out.size(), 1u);
  Document* doc = server_.Find(Uri("Dockerfile"));
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->file.text, "FROM alpine:3.19\nLABEL x=\"é😀\" y=22\nRUN echo bye\n");
  // A full-text change replaces everything.
  server_.Handle(Msg("textDocument/didChange",
                     {{"textDocument", {{"uri", Uri("Dockerfile")}, {"version", 3}}},
                      {"contentChanges", Json::array({{{"text", "FROM scratch\n"}}})}}));
  EXPECT_EQ(doc->file.text, "FROM scratch\n");
  EXPECT_EQ(doc->version, 3);
}

TEST_F(ServerTest, DiagnosticColumnsAfterNonAscii) {
  // DF040 (apt-get install without -y) starts after a comment-free RUN with é in an echo.
  Json pub = Open("Dockerfile", "FROM ubuntu:22.04\nRUN echo é😀 && apt-get install curl\n");
  bool found = false;
  for (const Json& d : pub["params"]["diagnostics"]) {
    if (d["code"] != "DF040") continue;
    found = true;
    EXPECT_EQ(d["range"]["start"]["line"], 1);
    // "RUN echo é😀 && " = 4 + 5 + 1 + 2 + 4 = 16 UTF-16 units (bytes: 19).
    EXPECT_EQ(d["range"]["start"]["character"], 16);
  }
  EXPECT_TRUE(found);
}

TEST_F(ServerTest, QuickFixAppliesAndSilencesTheDiagnostic) {
  Open("Dockerfile", kDockerfile);
  Json actions = Actions("Dockerfile", 1);
  ASSERT_TRUE(actions.is_array());
  const Json* fix = nullptr;
  const Json* ignore = nullptr;
  const Json* ignore_file = nullptr;
  for (const Json& a : actions) {
    if (!a.contains("diagnostics") || a["diagnostics"][0]["code"] != "DF040") continue;
    const std::string title = a["title"];
    if (title.starts_with("Ignore DF040 on this line")) ignore = &a;
    else if (title.starts_with("Ignore DF040 in this file")) ignore_file = &a;
    else fix = &a;
  }
  ASSERT_TRUE(fix && ignore && ignore_file);
  EXPECT_EQ((*fix)["kind"], "quickfix");
  EXPECT_EQ((*fix)["isPreferred"], true);
  for (const Json* action : {fix, ignore, ignore_file}) {
    const std::string fixed = ApplyEdits(kDockerfile, (*action)["edit"]["changes"][Uri("Dockerfile")]);
    EXPECT_NE(fixed, kDockerfile);
    Json pub = Open("Dockerfile", fixed);
    EXPECT_FALSE(Has(Codes(pub), "DF040")) << (*action)["title"] << "\n" << fixed;
    EXPECT_TRUE(Has(Codes(pub), "DF042")) << fixed;  // Other findings stay.
  }
  // Unsafe fixes are labelled and never preferred.
  for (const Json& a : actions) {
    const std::string title = a["title"];
    if (title.starts_with("(unsafe) ")) {
      EXPECT_FALSE(a.contains("isPreferred"));
    }
  }
}

TEST_F(ServerTest, SecondIgnoreExtendsTheComment) {
  std::string text = kDockerfile;
  for (const char* code : {"DF040", "DF041"}) {
    Open("Dockerfile", text);
    const std::string title = std::string("Ignore ") + code + " on this line";
    const Json* ignore = nullptr;
    Json actions = Actions("Dockerfile", text.find("# shipshape") == std::string::npos ? 1 : 2);
    for (const Json& a : actions)
      if (a["title"] == title) ignore = &a;
    ASSERT_NE(ignore, nullptr) << code << actions.dump(1);
    text = ApplyEdits(text, (*ignore)["edit"]["changes"][Uri("Dockerfile")]);
  }
  EXPECT_NE(text.find("\n# shipshape ignore=DF040,DF041\nRUN apt-get"), std::string::npos) << text;
  Json pub = Open("Dockerfile", text);
  EXPECT_FALSE(Has(Codes(pub), "DF040"));
  EXPECT_FALSE(Has(Codes(pub), "DF041"));
}

TEST_F(ServerTest, ComposeIgnoreAndFixAll) {
  const std::string compose =
      "services:\n"
      "  web:\n"
      "    image: nginx:1.27\n"
      "    privileged: true\n";
  Json pub = Open("compose.yaml", compose, "yaml");
  ASSERT_TRUE(Has(Codes(pub), "DC020"));
  ASSERT_TRUE(Has(Codes(pub), "DC040"));
  Json actions = Actions("compose.yaml", 3);
  const Json* ignore = nullptr;
  for (const Json& a : actions)
    if (a["title"] == "Ignore DC020 on this line") ignore = &a;
  ASSERT_NE(ignore, nullptr);
  std::string fixed = ApplyEdits(compose, (*ignore)["edit"]["changes"][Uri("compose.yaml")]);
  EXPECT_NE(fixed.find("    # shipshape ignore=DC020\n    privileged: true"), std::string::npos);
  pub = Open("compose.yaml", fixed, "yaml");
  EXPECT_FALSE(Has(Codes(pub), "DC020"));
  EXPECT_TRUE(Has(Codes(pub), "DC040"));

  // The source action applies every safe fix at once (DC040's restart policy is safe).
  Json source = Actions("compose.yaml", 0, Json::array({"source.fixAll"}));
  ASSERT_EQ(source.size(), 1u);
  EXPECT_EQ(source[0]["kind"], "source.fixAll.shipshape");
  fixed = ApplyEdits(fixed, source[0]["edit"]["changes"][Uri("compose.yaml")]);
  pub = Open("compose.yaml", fixed, "yaml");
  EXPECT_FALSE(Has(Codes(pub), "DC040")) << fixed;
  for (const Json& a : Actions("compose.yaml", 0, Json::array({"source"})))
    EXPECT_NE(a["kind"], "quickfix");
}

TEST_F(ServerTest, HoverShowsRuleDocs) {
  Open("Dockerfile", kDockerfile);
  Json r = Request("textDocument/hover", {{"textDocument", {{"uri", Uri("Dockerfile")}}},
                                          {"position", {{"line", 1}, {"character", 25}}}});
  const std::string md = r["result"]["contents"]["value"];
  EXPECT_NE(md.find("DF040"), std::string::npos);
  EXPECT_NE(md.find("What it does"), std::string::npos);
  r = Request("textDocument/hover", {{"textDocument", {{"uri", Uri("Dockerfile")}}},
                                     {"position", {{"line", 0}, {"character", 0}}}});
  EXPECT_TRUE(r["result"].is_null() || r["result"]["contents"]["value"].get<std::string>().find(
                                           "DF040") == std::string::npos);
}

TEST_F(ServerTest, ConfigChangesArePickedUpOnSave) {
  Json pub = Open("Dockerfile", kDockerfile);
  ASSERT_TRUE(Has(Codes(pub), "DF040"));
  std::ofstream(dir_.path() / ".shipshape.yaml") << "ignore: [DF040]\n";
  auto out = server_.Handle(
      Msg("textDocument/didSave", {{"textDocument", {{"uri", Uri(".shipshape.yaml")}}}}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(Has(Codes(out[0]), "DF040"));
  EXPECT_TRUE(Has(Codes(out[0]), "DF042"));
}

TEST(LspServer, AsksToWatchConfigFilesWhenTheClientCan) {
  Server s;
  s.Handle(Msg("initialize",
               {{"capabilities",
                 {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}},
               1));
  auto out = s.Handle(Msg("initialized", Json::object()));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["method"], "client/registerCapability");
  EXPECT_EQ(out[0]["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");
  // The client's reply is a response, not a request: nothing goes back.
  EXPECT_TRUE(s.Handle({{"jsonrpc", "2.0"}, {"id", out[0]["id"]}, {"result", nullptr}}).empty());
  Server plain;
  plain.Handle(Msg("initialize", Json::object(), 1));
  EXPECT_TRUE(plain.Handle(Msg("initialized", Json::object())).empty());
}

TEST_F(ServerTest, OtherFileKindsAndClose) {
  Json pub = Open(".env", "PASSWORD=hunter2-very-secret\n", "dotenv");
  EXPECT_TRUE(pub["params"]["diagnostics"].is_array());
  for (const Json& d : pub["params"]["diagnostics"])
    EXPECT_EQ(d["message"].get<std::string>().find("hunter2"), std::string::npos);
  pub = Open("notes.txt", "FROM ubuntu:latest\n", "plaintext");
  EXPECT_TRUE(pub["params"]["diagnostics"].empty());
  auto out = server_.Handle(Msg("textDocument/didClose", {{"textDocument", {{"uri", Uri(".env")}}}}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0]["params"]["diagnostics"].empty());
  EXPECT_EQ(server_.Find(Uri(".env")), nullptr);
  // The server wrote nothing beside the documents.
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path()));
}

/// The publishDiagnostics message for `uri` among `msgs`, or null.
Json PublishFor(const std::vector<Json>& msgs, const std::string& uri) {
  for (const Json& m : msgs)
    if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri) return m;
  return Json();
}

/// Codes reported on `line` (0-based) in a publishDiagnostics message.
std::vector<std::string> CodesOnLine(const Json& publish, uint32_t line) {
  std::vector<std::string> out;
  for (const Json& d : publish["params"]["diagnostics"])
    if (d["range"]["start"]["line"] == line) out.push_back(d["code"]);
  return out;
}

TEST_F(ServerTest, OverrideFileIsJudgedWithItsBaseFile) {
  // The base file on disk (not open in the editor): `web` has no restart policy; `db`, the volume
  // `data` and the network `front` are defined there.
  std::ofstream(dir_.path() / "compose.yaml")
      << "services:\n  web:\n    image: nginx:1.27\n    networks: [front]\n  db:\n    image: postgres:16.4\n"
         "volumes:\n  data: {}\nnetworks:\n  front: {}\n";
  const std::string override_text =
      "services:\n"
      "  web:\n"                      // 1
      "    restart: unless-stopped\n" // 2
      "  worker:\n"                   // 3
      "    image: busybox:1.36\n"     // 4
      "    depends_on: [db]\n"        // 5
      "    volumes:\n"                // 6
      "      - data:/data\n"          // 7
      "    networks: [front, back]\n";  // 8
  auto r = server_.Handle(Msg("textDocument/didOpen",
                              OpenParams(Uri("compose.override.yaml"), override_text, "dockercompose")));
  Json over = PublishFor(r, Uri("compose.override.yaml"));
  ASSERT_FALSE(over.is_null());
  // What the base defines is not undefined; what nobody defines is.
  EXPECT_FALSE(Has(CodesOnLine(over, 5), "DC090"));
  EXPECT_FALSE(Has(CodesOnLine(over, 7), "DC090"));
  EXPECT_TRUE(Has(CodesOnLine(over, 8), "DC090")) << over.dump();
  // `worker` exists only in the override: it is a whole service and is judged like one.
  EXPECT_TRUE(Has(CodesOnLine(over, 3), "DC023")) << over.dump();
  // `web` is the base's service: the base judges it, not the override.
  EXPECT_TRUE(CodesOnLine(over, 1).empty()) << over.dump();

  // Opening the base: the override's `restart:` counts for `web`; `db` still lacks one.
  const std::string base_text = "services:\n  web:\n    image: nginx:1.27\n    networks: [front]\n  db:\n"
                                "    image: postgres:16.4\nvolumes:\n  data: {}\nnetworks:\n  front: {}\n";
  r = server_.Handle(Msg("textDocument/didOpen", OpenParams(Uri("compose.yaml"), base_text, "dockercompose")));
  Json base = PublishFor(r, Uri("compose.yaml"));
  ASSERT_FALSE(base.is_null());
  EXPECT_FALSE(Has(CodesOnLine(base, 1), "DC040")) << base.dump();
  EXPECT_TRUE(Has(CodesOnLine(base, 4), "DC040")) << base.dump();
  // `data` is used by the override's worker: not an unused volume.
  EXPECT_FALSE(Has(CodesOnLine(base, 7), "DC049")) << base.dump();

  // Editing the override (dropping the restart policy) re-publishes the open base as well.
  std::string edited = override_text;
  edited.replace(edited.find("    restart: unless-stopped\n"), 28, "    ports: [\"127.0.0.1:8080:80\"]\n");
  r = server_.Handle(Msg("textDocument/didChange",
                         {{"textDocument", {{"uri", Uri("compose.override.yaml")}, {"version", 2}}},
                          {"contentChanges", Json::array({{{"text", edited}}})}}));
  base = PublishFor(r, Uri("compose.yaml"));
  ASSERT_FALSE(base.is_null()) << "the base is re-linted when its override changes";
  EXPECT_TRUE(Has(CodesOnLine(base, 1), "DC040")) << base.dump();
  // Unsaved buffers win over the disk: deleting `db` in the open base makes the override's
  // `depends_on: [db]` undefined.
  r = server_.Handle(Msg("textDocument/didChange",
                         {{"textDocument", {{"uri", Uri("compose.yaml")}, {"version", 2}}},
                          {"contentChanges", Json::array({{{"text", "services:\n  web:\n    image: nginx:1.27\n"
                                                                    "volumes:\n  data: {}\n"}}})}}));
  over = PublishFor(r, Uri("compose.override.yaml"));
  ASSERT_FALSE(over.is_null());
  EXPECT_TRUE(Has(CodesOnLine(over, 5), "DC090")) << over.dump();
}

TEST(LspBinary, ServesOverStdioAndAcceptsTheStdioFlag) {
  test::TempDir dir("shipshape-lsp-bin");
  ASSERT_TRUE(dir.ok());
  const std::string in = Frame(Msg("initialize", Json::object(), 1)) +
                         Frame(Msg("shutdown", nullptr, 2)) + Frame(Msg("exit", nullptr));
  std::ofstream(dir.path().string() + ".in") << in;
  test::SpawnOptions so;
  so.argv = {"/bin/sh", "-c", std::string("exec \"$0\" lsp --stdio < \"$1\""), SHIPSHAPE_BINARY,
             dir.path().string() + ".in"};
  so.stdout_path = dir.path().string() + ".out";
  so.stderr_path = dir.path().string() + ".err";
  so.timeout_s = 30;
  test::SpawnResult r = test::Spawn(so);
  std::filesystem::remove(dir.path().string() + ".in");
  std::filesystem::remove(so.stdout_path);
  std::filesystem::remove(so.stderr_path);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"capabilities\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Content-Length: "), std::string::npos);
}

TEST(LspUri, DecodesFileUris) {
  EXPECT_EQ(UriToPath("file:///a/b%20c/Docker%66ile"), "/a/b c/Dockerfile");
  EXPECT_EQ(UriToPath("file://localhost/x"), "/x");
  EXPECT_EQ(UriToPath("untitled:1"), "untitled:1");
  EXPECT_EQ(UriToPath("file:///bad%2"), "/bad%2");
}

}  // namespace
}  // namespace shipshape::lsp
