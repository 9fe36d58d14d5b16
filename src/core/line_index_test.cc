#include "core/line_index.h"

#include <gtest/gtest.h>

namespace shipshape {
namespace {

TEST(LineIndexTest, LocatesAcrossLineEndings) {
  LineIndex idx("ab\ncd\r\nef\rgh");
  EXPECT_EQ(idx.line_count(), 4u);
  EXPECT_EQ(idx.Locate(0).line, 1u);
  EXPECT_EQ(idx.Locate(4).line, 2u);
  EXPECT_EQ(idx.Locate(4).column, 2u);
  EXPECT_EQ(idx.Locate(7).line, 3u);
  EXPECT_EQ(idx.Locate(10).line, 4u);
  EXPECT_EQ(idx.Line(2), "cd");
  EXPECT_EQ(idx.Line(3), "ef");
}

TEST(LineIndexTest, ColumnsCountCodePoints) {
  LineIndex idx("\xe2\x99\xa5x");  // "♥x"
  EXPECT_EQ(idx.Locate(3).column, 2u);
}

TEST(LineIndexTest, ClampsPastEnd) {
  LineIndex idx("a\n");
  EXPECT_EQ(idx.Locate(100).line, 2u);
}

}  // namespace
}  // namespace shipshape
