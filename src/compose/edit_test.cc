#include "compose/edit.h"

#include <gtest/gtest.h>

#include <functional>

namespace shipshape::compose::edit {
namespace {

// Follows a dotted path of keys (and numeric sequence indices) from the root.
const yaml::Node* At(const yaml::Node* n, std::string_view path) {
  while (n && !path.empty()) {
    size_t dot = path.find('.');
    std::string part(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (n->IsSequence()) {
      size_t i = std::stoul(part);
      n = i < n->items.size() ? n->items[i].node : nullptr;
    } else {
      n = n->Get(part);
    }
  }
  return n;
}

std::string Apply(std::string_view text, const Edit& e) {
  std::string out(text.substr(0, e.range.start));
  out += e.text;
  out += text.substr(e.range.end);
  return out;
}

struct Case {
  const char* name;
  std::string input;
  const char* path;  // node the edit works on
  std::function<std::optional<Edit>(const Editor&, const yaml::Node&)> op;
  std::string expected;  // empty: the edit must be refused (nullopt)
};

YamlValue Restart() { return YamlValue::Str("unless-stopped"); }

YamlValue Logging() {
  return YamlValue::Map({{"driver", YamlValue::Str("json-file")},
                         {"options", YamlValue::Map({{"max-size", YamlValue::Quoted("10m")},
                                                     {"max-file", YamlValue::Quoted("3")}})}});
}

std::string Crlf(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

TEST(EditTest, Table) {
  auto insert = [](std::string key, YamlValue v) {
    return [key, v](const Editor& ed, const yaml::Node& n) { return ed.InsertEntry(n, key, v); };
  };
  auto append = [](YamlValue v) {
    return [v](const Editor& ed, const yaml::Node& n) { return ed.AppendItem(n, v); };
  };
  const Case cases[] = {
      {"insert scalar at end of service",
       "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n", "services.web",
       insert("restart", Restart()),
       "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n  db:\n    image: postgres:16\n"},
      {"insert nested block keeps 4-space indent",
       "services:\n    web:\n        image: nginx:1.27\n", "services.web", insert("logging", Logging()),
       "services:\n    web:\n        image: nginx:1.27\n        logging:\n            driver: json-file\n"
       "            options:\n                max-size: \"10m\"\n                max-file: \"3\"\n"},
      {"insert after trailing comment on last key",
       "services:\n  web:\n    image: nginx:1.27  # pinned\n", "services.web", insert("restart", Restart()),
       "services:\n  web:\n    image: nginx:1.27  # pinned\n    restart: unless-stopped\n"},
      {"insert before comment lines after the last key",
       "services:\n  web:\n    image: nginx:1.27\n    # ports:\n    #   - 80:80\n  db:\n    image: redis:7\n",
       "services.web", insert("restart", Restart()),
       "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n    # ports:\n    #   - 80:80\n"
       "  db:\n    image: redis:7\n"},
      {"insert at EOF without newline", "services:\n  web:\n    image: nginx:1.27", "services.web",
       insert("restart", Restart()), "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n"},
      {"insert keeps CRLF", Crlf("services:\n  web:\n    image: nginx:1.27\n"), "services.web",
       insert("logging", Logging()),
       Crlf("services:\n  web:\n    image: nginx:1.27\n    logging:\n      driver: json-file\n      options:\n"
            "        max-size: \"10m\"\n        max-file: \"3\"\n")},
      {"insert into flow service", "services:\n  web: {image: nginx:1.27}\n", "services.web",
       insert("logging", Logging()),
       "services:\n  web: {image: nginx:1.27, logging: {driver: json-file, options: {max-size: \"10m\", "
       "max-file: \"3\"}}}\n"},
      {"insert into empty flow mapping", "services:\n  web: {}\n", "services.web", insert("restart", Restart()),
       "services:\n  web: {restart: unless-stopped}\n"},
      {"insert after nested block value",
       "services:\n  web:\n    image: x:1\n    environment:\n      A: b\n\n  db:\n    image: y:1\n", "services.web",
       insert("restart", Restart()),
       "services:\n  web:\n    image: x:1\n    environment:\n      A: b\n    restart: unless-stopped\n\n  db:\n"
       "    image: y:1\n"},
      {"insert after block scalar",
       "services:\n  web:\n    image: x:1\n    command: |\n      run\n      this\n  db:\n    image: y:1\n",
       "services.web", insert("restart", Restart()),
       "services:\n  web:\n    image: x:1\n    command: |\n      run\n      this\n    restart: unless-stopped\n"
       "  db:\n    image: y:1\n"},
      {"insert into service using an anchor merge",
       "x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: x:1\n", "services.web",
       insert("read_only", YamlValue::Raw("true")),
       "x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: x:1\n    read_only: true\n"},
      {"insert into service whose only key is a merge",
       "x-base: &base\n  image: x:1\nservices:\n  web:\n    <<: *base\n", "services.web",
       insert("restart", Restart()),
       "x-base: &base\n  image: x:1\nservices:\n  web:\n    <<: *base\n    restart: unless-stopped\n"},
      {"insert into anchored service keeps anchor",
       "services:\n  web: &web\n    image: x:1\n  web2: *web\n", "services.web", insert("restart", Restart()),
       "services:\n  web: &web\n    image: x:1\n    restart: unless-stopped\n  web2: *web\n"},
      {"insert block list, indented sequences",
       "services:\n  web:\n    image: x:1\n    ports:\n      - \"80:80\"\n", "services.web",
       insert("cap_drop", YamlValue::Seq({YamlValue::Str("ALL")})),
       "services:\n  web:\n    image: x:1\n    ports:\n      - \"80:80\"\n    cap_drop:\n      - ALL\n"},
      {"insert block list, flush sequences",
       "services:\n  web:\n    image: x:1\n    ports:\n    - \"80:80\"\n", "services.web",
       insert("cap_drop", YamlValue::Seq({YamlValue::Str("ALL")})),
       "services:\n  web:\n    image: x:1\n    ports:\n    - \"80:80\"\n    cap_drop:\n    - ALL\n"},
      {"insert into sequence item mapping",
       "services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n", "services.web.ports.0",
       insert("host_ip", YamlValue::Str("127.0.0.1")),
       "services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n"},
      {"append to block list", "services:\n  web:\n    cap_drop:\n      - NET_RAW\n    image: x:1\n",
       "services.web.cap_drop", append(YamlValue::Str("ALL")),
       "services:\n  web:\n    cap_drop:\n      - NET_RAW\n      - ALL\n    image: x:1\n"},
      {"append to flow list", "services:\n  web:\n    security_opt: [\"label:disable\"]\n",
       "services.web.security_opt", append(YamlValue::Str("no-new-privileges:true")),
       "services:\n  web:\n    security_opt: [\"label:disable\", no-new-privileges:true]\n"},
      {"append to empty flow list", "services:\n  web:\n    cap_drop: []\n", "services.web.cap_drop",
       append(YamlValue::Str("ALL")), "services:\n  web:\n    cap_drop: [ALL]\n"},
      {"append mapping item", "services:\n  web:\n    ports:\n      - \"80:80\"\n", "services.web.ports",
       append(YamlValue::Map({{"target", YamlValue::Raw("443")}, {"published", YamlValue::Raw("443")}})),
       "services:\n  web:\n    ports:\n      - \"80:80\"\n      - target: 443\n        published: 443\n"},
      {"replace plain scalar", "services:\n  web:\n    image: nginx:latest\n", "services.web.image",
       [](const Editor& ed, const yaml::Node& n) { return ed.ReplaceScalar(n, "nginx:1.27"); },
       "services:\n  web:\n    image: nginx:1.27\n"},
      {"replace keeps single quotes", "services:\n  web:\n    image: 'nginx:latest'\n", "services.web.image",
       [](const Editor& ed, const yaml::Node& n) { return ed.ReplaceScalar(n, "it's"); },
       "services:\n  web:\n    image: 'it''s'\n"},
      {"replace plain with unsafe text quotes it", "services:\n  web:\n    restart: always\n",
       "services.web.restart", [](const Editor& ed, const yaml::Node& n) { return ed.ReplaceScalar(n, "${X}"); },
       "services:\n  web:\n    restart: \"${X}\"\n"},
      {"delete entry lines", "version: \"3.8\"\n# services\nservices:\n  web:\n    image: x:1\n", "",
       [](const Editor& ed, const yaml::Node& n) { return ed.DeleteEntry(n, 0); },
       "# services\nservices:\n  web:\n    image: x:1\n"},
      {"delete nested entry with block value",
       "services:\n  web:\n    image: x:1\n    mem_limit: 1g\n    deploy:\n      replicas: 2\n", "services.web",
       [](const Editor& ed, const yaml::Node& n) { return ed.DeleteEntry(n, 1); },
       "services:\n  web:\n    image: x:1\n    deploy:\n      replicas: 2\n"},
      {"delete flow entry", "services:\n  web: {image: x:1, mem_limit: 1g, init: true}\n", "services.web",
       [](const Editor& ed, const yaml::Node& n) { return ed.DeleteEntry(n, 1); },
       "services:\n  web: {image: x:1, init: true}\n"},
      {"delete last flow entry", "services:\n  web: {image: x:1, mem_limit: 1g}\n", "services.web",
       [](const Editor& ed, const yaml::Node& n) { return ed.DeleteEntry(n, 1); },
       "services:\n  web: {image: x:1}\n"},
      {"delete CRLF entry", Crlf("version: '3'\nservices:\n  web:\n    image: x:1\n"), "",
       [](const Editor& ed, const yaml::Node& n) { return ed.DeleteEntry(n, 0); },
       Crlf("services:\n  web:\n    image: x:1\n")},
      {"delete block item", "services:\n  web:\n    cap_add:\n      - NET_ADMIN\n      - NET_ADMIN\n",
       "services.web.cap_add", [](const Editor& ed, const yaml::Node& n) { return ed.DeleteItem(n, 1); },
       "services:\n  web:\n    cap_add:\n      - NET_ADMIN\n"},
      {"delete flow item", "services:\n  web:\n    cap_add: [A, B, C]\n", "services.web.cap_add",
       [](const Editor& ed, const yaml::Node& n) { return ed.DeleteItem(n, 2); },
       "services:\n  web:\n    cap_add: [A, B]\n"},
      {"replace short list with long mapping",
       "services:\n  web:\n    depends_on:\n      - db\n      - cache\n    image: x:1\n", "services.web",
       [](const Editor& ed, const yaml::Node& n) {
         auto cond = [](const char* c) { return YamlValue::Map({{"condition", YamlValue::Str(c)}}); };
         return ed.ReplaceValue(n, 0, YamlValue::Map({{"db", cond("service_healthy")},
                                                      {"cache", cond("service_started")}}));
       },
       "services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n"
       "        condition: service_started\n    image: x:1\n"},
      {"replace flow list with flow mapping", "services:\n  web: {depends_on: [db], image: x:1}\n",
       "services.web",
       [](const Editor& ed, const yaml::Node& n) {
         return ed.ReplaceValue(
             n, 0, YamlValue::Map({{"db", YamlValue::Map({{"condition", YamlValue::Str("service_healthy")}})}}));
       },
       "services:\n  web: {depends_on: {db: {condition: service_healthy}}, image: x:1}\n"},
      {"replace null value", "services:\n  web:\n    image: x:1\n    depends_on:\n", "services.web",
       [](const Editor& ed, const yaml::Node& n) {
         return ed.ReplaceValue(n, 1, YamlValue::Seq({YamlValue::Str("db")}));
       },
       "services:\n  web:\n    image: x:1\n    depends_on:\n      - db\n"},
      {"replace value refuses to drop a comment",
       "services:\n  web:\n    depends_on: # order\n      - db\n", "services.web",
       [](const Editor& ed, const yaml::Node& n) {
         return ed.ReplaceValue(n, 0, YamlValue::Map({{"db", YamlValue::Map({})}}));
       },
       ""},
      {"reorder mapping entries with comments",
       "services:\n  web:\n    # the port\n    ports:\n      - \"80:80\"\n    image: x:1\n  db:\n    image: y:1\n",
       "services.web", [](const Editor& ed, const yaml::Node& n) { return ed.Reorder(n, {1, 0}); },
       "services:\n  web:\n    image: x:1\n    # the port\n    ports:\n      - \"80:80\"\n  db:\n    image: y:1\n"},
      {"reorder sequence", "services:\n  web:\n    depends_on:\n      - redis\n      - db\n",
       "services.web.depends_on", [](const Editor& ed, const yaml::Node& n) { return ed.Reorder(n, {1, 0}); },
       "services:\n  web:\n    depends_on:\n      - db\n      - redis\n"},
      {"reorder refuses flow", "services:\n  web: {b: 1, a: 2}\n", "services.web",
       [](const Editor& ed, const yaml::Node& n) { return ed.Reorder(n, {1, 0}); }, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto doc = yaml::Parse(c.input);
    ASSERT_TRUE(doc->ok()) << c.input;
    const yaml::Node* n = At(doc->root(), c.path);
    ASSERT_NE(n, nullptr) << c.path;
    Editor ed(c.input, doc->root());
    std::optional<Edit> e = c.op(ed, *n);
    if (c.expected.empty()) {
      EXPECT_FALSE(e.has_value()) << Apply(c.input, *e);
      continue;
    }
    ASSERT_TRUE(e.has_value());
    const std::string out = Apply(c.input, *e);
    EXPECT_EQ(out, c.expected);
    auto again = yaml::Parse(out);
    EXPECT_TRUE(again->ok()) << out;
  }
}

TEST(EditTest, DetectStyle) {
  EXPECT_EQ(DetectStyle("a: 1\r\nb: 2\r\n", nullptr).newline, "\r\n");
  auto doc = yaml::Parse("services:\n   web:\n      image: x\n      ports:\n      - 80\n");
  Style st = DetectStyle("services:\n   web:\n      image: x\n      ports:\n      - 80\n", doc->root());
  EXPECT_EQ(st.indent, 3u);
  EXPECT_FALSE(st.indent_sequences);
}

TEST(EditTest, PlainSafe) {
  EXPECT_TRUE(PlainSafe("unless-stopped"));
  EXPECT_TRUE(PlainSafe("nginx:1.27"));
  EXPECT_TRUE(PlainSafe("no-new-privileges:true"));
  EXPECT_FALSE(PlainSafe("no"));
  EXPECT_FALSE(PlainSafe("3"));
  EXPECT_FALSE(PlainSafe("1.0"));
  EXPECT_FALSE(PlainSafe("${X}"));
  EXPECT_FALSE(PlainSafe("a: b"));
  EXPECT_FALSE(PlainSafe("*x"));
  EXPECT_FALSE(PlainSafe(""));
  EXPECT_EQ(DoubleQuote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
}

}  // namespace
}  // namespace shipshape::compose::edit
