#include "web/app/models.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(ModelsTest, AuditEntriesReadInChineseAndBeijingTime) {
  struct Case {
    AuditEntry entry;
    const char* at;
    const char* actor;
    const char* action;
  } cases[] = {
      {{1, "2026-11-28T14:50:23.123Z", "user:4 cizhong.admin @127.0.0.1", "user.create", "user:7",
        "", "", "", ""},
       "2026-11-28 22:50:23",
       "cizhong.admin（127.0.0.1）",
       "新增用户"},
      {{2, "2026-12-31T17:00:00.000Z", "cli:root", "calendar.load", "calendar:2027", "", "", "",
        ""},
       "2027-01-01 01:00:00",
       "命令行（root）",
       "导入节假日安排"},
      {{3, "2026-01-01T00:00:00.000Z", "public @10.0.0.9", "login.rejected", "user:x", "", "", "",
        ""},
       "2026-01-01 08:00:00",
       "公众（10.0.0.9）",
       "登录（被拒绝）"},
      {{4, "garbage", "system", "something.new", "x", "", "", "", ""},
       "garbage",
       "系统",
       "something.new"},
  };
  for (const auto& c : cases) {
    nlohmann::json m = AuditModel(c.entry);
    EXPECT_EQ(m["at"], c.at);
    EXPECT_EQ(m["actor"], c.actor);
    EXPECT_EQ(m["action"], c.action);
  }
}

TEST(ModelsTest, AgencyModelHidesEmptyOptionalFields) {
  Agency a;
  a.id = 4;
  a.name = "三门峡市湖滨区磁钟乡人民政府";
  a.leading_group = {{"李卫东", "党委书记", GroupRole::kHead}};
  nlohmann::json m = AgencyModel(a);
  EXPECT_TRUE(m["region_code"].is_null());
  EXPECT_TRUE(m["office"]["phone"].is_null());
  EXPECT_EQ(m["display_name"], a.name);
  EXPECT_EQ(m["leading_group"][0]["role_label"], "组长");
  EXPECT_EQ(m["url"], "/agencies/4");
}

}  // namespace
}  // namespace gongkai::web
