#include "core/diff.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

TEST(UnifiedDiff, EqualIsEmpty) { EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb\n", "f"), ""); }

TEST(UnifiedDiff, SingleChange) {
  EXPECT_EQ(UnifiedDiff("a\nb\nc\n", "a\nB\nc\n", "Dockerfile"),
            "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
}

TEST(UnifiedDiff, InsertionAndMissingNewline) {
  EXPECT_EQ(UnifiedDiff("a", "a\nb\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n");
}

TEST(UnifiedDiff, SeparateHunks) {
  std::string a, b;
  for (int i = 0; i < 20; ++i) {
    a += std::to_string(i) + "\n";
    b += (i == 2 || i == 17 ? "x" : std::to_string(i)) + "\n";
  }
  std::string d = UnifiedDiff(a, b, "f");
  EXPECT_NE(d.find("@@ -1,6 +1,6 @@"), std::string::npos) << d;
  EXPECT_NE(d.find("@@ -15,6 +15,6 @@"), std::string::npos) << d;
}

TEST(DiffLines, Hunks) {
  EXPECT_TRUE(DiffLines("a\nb\n", "a\nb\n").empty());
  // Changed line 1, inserted a line before line 3, deleted line 4.
  std::vector<LineHunk> h = DiffLines("a\nb\nc\nd\ne\n", "a\nB\nc\nx\ne\n");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0], (LineHunk{1, 2, 1, 2}));
  EXPECT_EQ(h[1], (LineHunk{3, 4, 3, 4}));
  h = DiffLines("a\nc\n", "a\nb\nc\n");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0], (LineHunk{1, 1, 1, 2}));
  h = DiffLines("a\nb\nc\n", "a\nc\n");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0], (LineHunk{1, 2, 1, 1}));
}

}  // namespace
}  // namespace shipshape
