#include "envfile/envfile.h"

#include <gtest/gtest.h>

namespace shipshape::envfile {
namespace {

TEST(EnvFileTest, Syntax) {
  const std::string src =
      "\xEF\xBB\xBF# comment\n"
      "A=1\n"
      "export B = two words  \n"
      "C=x #comment\n"
      "D=x#notcomment\n"
      "E='lit $A \\n'\n"
      "F=\"esc\\t$A\\n\"\n"
      "G=\"multi\nline\"\n"
      "H: colon\n"
      "BARE\n"
      "I=${A}-${NOPE:-d}\n"
      "J=\r\n"
      "K=\"q\\\"q\"  # c\n";
  EnvFile f = Parse(src);
  EXPECT_TRUE(f.ok()) << (f.errors.empty() ? "" : f.errors[0].message);
  auto v = [&](const char* k) { const Entry* e = f.Find(k); return e && e->value ? *e->value : std::string("<none>"); };
  EXPECT_EQ(v("A"), "1");
  EXPECT_EQ(v("B"), "two words");
  EXPECT_TRUE(f.Find("B")->exported);
  EXPECT_EQ(v("C"), "x");
  EXPECT_EQ(v("D"), "x#notcomment");
  EXPECT_EQ(v("E"), "lit $A \\n");
  EXPECT_EQ(v("F"), "esc\t1\n");
  EXPECT_EQ(v("G"), "multi\nline");
  EXPECT_EQ(v("H"), "colon");
  EXPECT_EQ(v("BARE"), "<none>");
  EXPECT_EQ(v("I"), "1-d");
  EXPECT_EQ(v("J"), "");
  EXPECT_EQ(v("K"), "q\"q");
  const Entry* a = f.Find("A");
  EXPECT_EQ(a->key_range.Of(src), "A");
  EXPECT_EQ(a->value_range.Of(src), "1");
  EXPECT_EQ(f.Find("E")->value_range.Of(src), "'lit $A \\n'");
  EXPECT_EQ(f.Find("B")->value_range.Of(src), "two words");
  EXPECT_EQ(f.Find("C")->value_range.Of(src), "x");
}

TEST(EnvFileTest, Errors) {
  EnvFile f = Parse("A=1\nBAD KEY=2\nB=\"open\nC=3\n");
  ASSERT_GE(f.errors.size(), 2u);
  EXPECT_EQ(f.errors[0].range.start, 7u);
  EXPECT_NE(f.errors[1].message.find("unterminated"), std::string::npos);
  EnvFile g = Parse("A$=1\n");
  ASSERT_EQ(g.errors.size(), 1u);
  EXPECT_EQ(g.errors[0].range.start, 0u);
}

TEST(EnvFileTest, EnvironmentWinsAndUnknown) {
  ParseOptions o;
  o.environment = [](std::string_view n) -> std::optional<std::string> {
    if (n == "HOME") return std::string("/h");
    return std::nullopt;
  };
  EnvFile f = Parse("X=$HOME/a\nY=${MISSING}\nHOME\n", o);
  EXPECT_EQ(*f.Find("X")->value, "/h/a");
  EXPECT_FALSE(f.Find("Y")->known);
  EXPECT_EQ(f.Find("Y")->unknown_variables, std::vector<std::string>{"MISSING"});
  EXPECT_EQ(*f.Find("HOME")->value, "/h");
}

}  // namespace
}  // namespace shipshape::envfile
