#include "core/strings.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

TEST(Strings, CaseIsAsciiOnly) {
  EXPECT_EQ(Lower("FROM Alpine:3.19"), "from alpine:3.19");
  EXPECT_EQ(Upper("cap_sys_admin"), "CAP_SYS_ADMIN");
  // Bytes of a UTF-8 sequence are left alone (no locale-dependent mapping).
  EXPECT_EQ(Lower("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");
  EXPECT_EQ(Upper("\xC3\xA9t\xC3\xA9"), "\xC3\xA9T\xC3\xA9");
}

TEST(Strings, NoCaseComparisons) {
  EXPECT_TRUE(EqualsNoCase("Scratch", "scratch"));
  EXPECT_FALSE(EqualsNoCase("scratch", "scratch2"));
  EXPECT_TRUE(StartsWithNoCase("HEALTHCHECK CMD x", "healthcheck"));
  EXPECT_FALSE(StartsWithNoCase("HEALTH", "healthcheck"));
  EXPECT_TRUE(EndsWithNoCase("/VAR/RUN/Docker.Sock", "docker.sock"));
  EXPECT_FALSE(EndsWithNoCase("sock", "docker.sock"));
  EXPECT_TRUE(EndsWithNoCase("x", ""));
}

TEST(Strings, Trim) {
  EXPECT_EQ(Trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(Trim(" \n "), "");
  EXPECT_EQ(TrimBlanks("\t a b \n"), "a b \n");
  EXPECT_EQ(TrimBlanks("  "), "");
}

TEST(Strings, SplitKeepsEmptyParts) {
  EXPECT_EQ(Split("a,,b", ','), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(Split("", ','), (std::vector<std::string_view>{""}));
  EXPECT_EQ(Split("a,", ','), (std::vector<std::string_view>{"a", ""}));
}

}  // namespace
}  // namespace shipshape
