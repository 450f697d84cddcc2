#include "core/status.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

Result<int> Half(int x) {
  if (x % 2) return InvalidArgument("odd", "奇数");
  return x / 2;
}
Result<int> Quarter(int x) {
  GK_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(StatusTest, ResultPropagates) {
  EXPECT_EQ(Quarter(8).value(), 2);
  EXPECT_EQ(Quarter(6).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Quarter(8).status().ok());
}

TEST(StatusTest, MessagesAndAnnotation) {
  Status st = NotFound("agency 4", "单位4不存在");
  st.Annotate("line 2", "第2行");
  EXPECT_EQ(st.ToString(), "NotFound: line 2: agency 4");
  EXPECT_EQ(st.ui_message(), "第2行：单位4不存在");
  EXPECT_EQ(Aborted("x").ui_message(), "该记录已被他人修改，请刷新后重试");
}

}  // namespace
}  // namespace gongkai
