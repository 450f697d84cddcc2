#include "core/text.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(TextTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("磁钟乡 abc"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xe7\xa3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_EQ(Utf8Length("磁钟乡ab"), 5u);
}

TEST(TextTest, CheckTextNamesTheField) {
  Status st = CheckText("", 1, 10, "name", "名称");
  EXPECT_EQ(st.message(), "name is required");
  EXPECT_EQ(st.ui_message(), "名称不能为空");
  EXPECT_FALSE(CheckText("一二三四五六七八九十一", 0, 10, "name", "名称").ok());
  EXPECT_TRUE(CheckText("一二三四五六七八九十", 0, 10, "name", "名称").ok());
}

}  // namespace
}  // namespace gongkai
