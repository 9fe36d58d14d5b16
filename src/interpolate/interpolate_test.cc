#include "interpolate/interpolate.h"

#include <gtest/gtest.h>

namespace shipshape::compose {
namespace {

TEST(InterpolateTest, Table) {
  std::map<std::string, std::string, std::less<>> vars = {{"SET", "val"}, {"EMPTY", ""}, {"B", "bee"}};
  VarLookup lookup = MapLookup(&vars);
  struct Case {
    const char* in;
    const char* out;
    bool known;
    size_t errors;
  } cases[] = {
      {"plain", "plain", true, 0},
      {"$SET", "val", true, 0},
      {"${SET}", "val", true, 0},
      {"x${SET}y", "xvaly", true, 0},
      {"$SET.txt", "val.txt", true, 0},
      {"$UNSET", "", false, 0},
      {"${UNSET}", "", false, 0},
      {"${UNSET:-def}", "def", true, 0},
      {"${EMPTY:-def}", "def", true, 0},
      {"${EMPTY-def}", "", true, 0},
      {"${UNSET-def}", "def", true, 0},
      {"${SET:-def}", "val", true, 0},
      {"${UNSET:?need it}", "", false, 1},
      {"${EMPTY:?need it}", "", false, 1},
      {"${EMPTY?need it}", "", true, 0},
      {"${SET:?x}", "val", true, 0},
      {"${SET:+alt}", "alt", true, 0},
      {"${EMPTY:+alt}", "", true, 0},
      {"${EMPTY+alt}", "alt", true, 0},
      {"${UNSET+alt}", "", true, 0},
      {"$$SET", "$SET", true, 0},
      {"$${SET}", "${SET}", true, 0},
      {"a$$", "a$", true, 0},
      {"${UNSET:-${B}}", "bee", true, 0},
      {"${UNSET:-${NOPE:-x}-y}", "x-y", true, 0},
      {"${UNSET:-${NOPE}}", "", false, 0},
      {"$1 $ $-", "$1 $ $-", true, 0},
      {"${}", "", true, 1},
      {"${VAR/a/b}", "", true, 1},
      {"${UNCLOSED", "${UNCLOSED", true, 1},
      {"${1BAD}", "", true, 1},
  };
  for (const Case& c : cases) {
    Interpolated r = Interpolate(c.in, lookup);
    EXPECT_EQ(r.value, c.out) << c.in;
    EXPECT_EQ(r.known, c.known) << c.in;
    EXPECT_EQ(r.errors.size(), c.errors) << c.in;
  }
}

TEST(InterpolateTest, ReportsVariablesAndErrors) {
  std::map<std::string, std::string, std::less<>> vars;
  Interpolated r = Interpolate("${A}:${B:-1}:${C:?C is required}", MapLookup(&vars));
  EXPECT_EQ(r.variables, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(r.unknown, (std::vector<std::string>{"A", "C"}));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, InterpolationError::Kind::kRequiredUnset);
  EXPECT_EQ(r.errors[0].message, "C is required");
  EXPECT_EQ(r.errors[0].range.start, 13u);
  EXPECT_EQ(r.errors[0].range.end, 32u);
}

}  // namespace
}  // namespace shipshape::compose
