#include "yaml/yaml.h"

#include <gtest/gtest.h>

#include <string>

namespace shipshape::yaml {
namespace {

std::string Text(std::string_view src, TextRange r) { return std::string(r.Of(src)); }

TEST(YamlTest, DumpTable) {
  struct Case {
    const char* src;
    const char* dump;
  } cases[] = {
      {"a: 1\nb: [x, 'y']\n", "{a: 1, b: [x \"y\"]}"},
      {"a: &x {k: v}\nb: *x\n", "{a: {k: v}, b: {k: v}}"},
      {"base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n", "{base: {x: 1, y: 2}, c: {y: 3, x: 1}}"},
      {"p: &p {a: 1}\nq: &q {a: 2, b: 2}\nr:\n  <<: [*p, *q]\n", "{p: {a: 1}, q: {a: 2, b: 2}, r: {a: 1, b: 2}}"},
      {"x: !reset []\ny: !override {a: 1}\n", "{x: !reset [], y: !override {a: 1}}"},
      {"s: |\n  line1\n  line2\n", "{s: \"line1\nline2\n\"}"},
      {"", "<null>"},
      {"a: \"\\t\"\n", "{a: \"\t\"}"},
  };
  for (const Case& c : cases) {
    auto doc = Parse(c.src);
    EXPECT_TRUE(doc->ok()) << c.src << (doc->errors().empty() ? "" : doc->errors()[0].message);
    EXPECT_EQ(Dump(doc->root()), c.dump) << c.src;
  }
}

TEST(YamlTest, RangesExact) {
  const std::string src = "services:\n  web:\n    image: \"nginx:1\"\n    ports: [ '80:80' ]\n    cmd: |\n      run\n";
  auto doc = Parse(src);
  ASSERT_TRUE(doc->ok());
  const Entry* svc = doc->root()->Find("services");
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(Text(src, svc->key_range), "services");
  const Node* web = svc->value->Get("web");
  const Entry* img = web->Find("image");
  EXPECT_EQ(Text(src, img->key_range), "image");
  EXPECT_EQ(Text(src, img->value_range), "\"nginx:1\"");
  EXPECT_EQ(img->value->value, "nginx:1");
  EXPECT_EQ(img->value->style, ScalarStyle::kDoubleQuoted);
  const Entry* ports = web->Find("ports");
  EXPECT_EQ(Text(src, ports->value_range), "[ '80:80' ]");
  EXPECT_EQ(Text(src, ports->value->items[0].range), "'80:80'");
  EXPECT_EQ(Text(src, web->Find("cmd")->value_range).substr(0, 1), "|");
  EXPECT_EQ(Text(src, web->range).substr(0, 5), "image");
}

TEST(YamlTest, AliasKeepsBothRanges) {
  const std::string src = "x: &a 5\ny: *a\n";
  auto doc = Parse(src);
  ASSERT_TRUE(doc->ok());
  const Entry* y = doc->root()->Find("y");
  EXPECT_TRUE(y->value_is_alias);
  EXPECT_EQ(Text(src, y->value_range), "*a");
  EXPECT_EQ(Text(src, y->value->range), "5");
}

TEST(YamlTest, MergeKeepsDefinitionRange) {
  const std::string src = "x-base: &b\n  restart: always\nservices:\n  a:\n    <<: *b\n    image: i\n";
  auto doc = Parse(src);
  ASSERT_TRUE(doc->ok());
  const Node* a = doc->root()->Get("services")->Get("a");
  const Entry* r = a->Find("restart");
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(r->merged_via.has_value());
  EXPECT_EQ(Text(src, *r->merged_via), "*b");
  EXPECT_EQ(Text(src, r->value_range), "always");
  EXPECT_EQ(r->value_range.start, src.find("always"));
  ASSERT_EQ(a->merge_ranges.size(), 1u);
}

TEST(YamlTest, CrlfAndBom) {
  const std::string src = "\xEF\xBB\xBFkey: value\r\nother: \"q\"\r\n";
  auto doc = Parse(src);
  ASSERT_TRUE(doc->ok());
  const Entry* k = doc->root()->Find("key");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->key_range.start, 3u);
  EXPECT_EQ(Text(src, k->value_range), "value");
  EXPECT_EQ(Text(src, doc->root()->Find("other")->value_range), "\"q\"");
}

TEST(YamlTest, BillionLaughsIsAnError) {
  std::string src = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    src += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) src += std::string(i ? ", " : "") + "*" + prev;
    src += "]\n";
    prev = c;
  }
  auto doc = Parse(src);
  EXPECT_FALSE(doc->ok());
  EXPECT_EQ(doc->root(), nullptr);
  EXPECT_NE(doc->errors()[0].message.find("alias expansion"), std::string::npos);
}

TEST(YamlTest, DeepNestingIsAnErrorNotACrash) {
  std::string flow(10000, '[');
  flow += std::string(10000, ']');
  auto doc = Parse(flow);
  EXPECT_FALSE(doc->ok());
  std::string block;
  for (int i = 0; i < 10000; ++i) block += std::string(i, ' ') + "k:\n";
  auto doc2 = Parse(block);
  EXPECT_FALSE(doc2->ok());
}

TEST(YamlTest, DuplicateKeys) {
  const std::string src = "a: 1\nb: 2\na: 3\n";
  auto doc = Parse(src);
  ASSERT_EQ(doc->duplicate_keys().size(), 1u);
  EXPECT_EQ(doc->duplicate_keys()[0].first.start, 0u);
  EXPECT_EQ(doc->duplicate_keys()[0].second.start, 10u);
  EXPECT_EQ(doc->root()->Get("a")->value, "1");
}

TEST(YamlTest, SyntaxErrorsAreData) {
  for (const char* src : {"a: [1, 2\n", "a: b: c\n", "key: 'unterminated\n", "- a\nb: c\n", "a: *nope\n",
                          "\t- x\n", "{", "]"}) {
    auto doc = Parse(src);
    EXPECT_FALSE(doc->ok()) << src;
    for (const Error& e : doc->errors()) EXPECT_LE(e.range.end, std::string_view(src).size()) << src;
  }
  auto doc = Parse("a: 1\nb: [1,\n");
  ASSERT_FALSE(doc->ok());
  EXPECT_GE(doc->errors()[0].range.start, 5u);
}

TEST(YamlTest, InvalidUtf8AndBinary) {
  auto doc = Parse(std::string("a: \xff\xfe\n"));
  ASSERT_FALSE(doc->ok());
  EXPECT_EQ(doc->errors()[0].range.start, 3u);
  auto bin = Parse(std::string("a: b\0c\n", 7));
  ASSERT_FALSE(bin->ok());
  EXPECT_NE(bin->errors()[0].message.find("binary"), std::string::npos);
}

TEST(YamlTest, MultiDocument) {
  auto doc = Parse("a: 1\n---\nb: 2\n---\nc: 3\n");
  ASSERT_TRUE(doc->ok());
  EXPECT_EQ(doc->document_count(), 3u);
  EXPECT_EQ(doc->extra_document_starts().size(), 2u);
  EXPECT_EQ(Dump(doc->root()), "{a: 1}");
}

TEST(YamlTest, ScalarTypes) {
  auto doc = Parse("a: 12\nb: 1.5\nc: true\nd: '12'\ne: ~\nf: 0x1F\n");
  const Node* r = doc->root();
  EXPECT_EQ(r->Get("a")->AsInt(), 12);
  EXPECT_EQ(r->Get("b")->AsDouble(), 1.5);
  EXPECT_EQ(r->Get("c")->AsBool(), true);
  EXPECT_FALSE(r->Get("d")->AsInt().has_value());
  EXPECT_TRUE(r->Get("e")->IsNull());
  EXPECT_EQ(r->Get("f")->AsInt(), 31);
}

}  // namespace
}  // namespace shipshape::yaml
