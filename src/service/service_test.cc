// Service use cases against a real SQLite store in a temp directory, with a fake clock.
#include <gtest/gtest.h>

#include <filesystem>

#include "service/demo.h"
#include "service/platform.h"
#include "service/service_fixture_test.h"

namespace gongkai::service {
namespace {

TEST_F(ServiceTest, AgencyTreeIsValidatedAndAudited) {
  int64_t district = AddAgency(AgencyLevel::kDistrict, std::nullopt, "湖滨区人民政府");
  int64_t town = AddAgency(AgencyLevel::kTownship, district, "磁钟乡人民政府");
  AddAgency(AgencyLevel::kVillage, town, "磁钟村");
  EXPECT_EQ(AuditCount(), 3);

  Agency bad;
  bad.level = AgencyLevel::kVillage;
  bad.parent_id = district;
  bad.name = "错位的村";
  auto r = platform_->agencies().Create(Actor::Cli(), bad);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().ui_message().find("不能隶属于"), std::string::npos);
  EXPECT_EQ(platform_->agencies().List()->size(), 3u);  // nothing half-written
  EXPECT_EQ(AuditCount(), 4);                           // the attempt is logged
  auto recent = platform_->audit().Recent({"agency:" + std::to_string(district)}, 10);
  ASSERT_TRUE(recent.ok());
  EXPECT_EQ(recent->front().action, "agency.create.rejected");

  auto tree = platform_->agencies().Tree(district);
  ASSERT_TRUE(tree.ok());
  ASSERT_EQ(tree->size(), 3u);
  EXPECT_EQ((*tree)[2].depth, 2);
  auto path = platform_->agencies().Path((*tree)[2].agency.id);
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->front().id, district);
  EXPECT_EQ(platform_->agencies().Tree(999).status().code(), StatusCode::kNotFound);
}

TEST_F(ServiceTest, StaleAgencyEditIsAborted) {
  int64_t id = AddAgency(AgencyLevel::kTownship, std::nullopt, "磁钟乡人民政府");
  Agency a = platform_->agencies().Get(id).value();
  Agency first = a, second = a;
  first.office.name = "党政综合办公室";
  second.office.name = "别的办公室";
  ASSERT_TRUE(platform_->agencies().Update(Actor::Cli(), first).ok());
  Status st = platform_->agencies().Update(Actor::Cli(), second);
  EXPECT_EQ(st.code(), StatusCode::kAborted);
  EXPECT_EQ(platform_->agencies().Get(id)->office.name, "党政综合办公室");
}

TEST_F(ServiceTest, StaffActOnlyWithinRoleAndSubtree) {
  int64_t district = AddAgency(AgencyLevel::kDistrict, std::nullopt, "湖滨区人民政府");
  int64_t town = AddAgency(AgencyLevel::kTownship, district, "磁钟乡人民政府");
  int64_t village = AddAgency(AgencyLevel::kVillage, town, "磁钟村");
  User admin = AddUser("town.admin", Role::kAdmin, town);
  User clerk = AddUser("town.clerk", Role::kClerk, town);
  Actor as_admin = Actor::Staff(admin, "127.0.0.1");
  Actor as_clerk = Actor::Staff(clerk, "127.0.0.1");

  EXPECT_TRUE(
      platform_->users()
          .Create(as_admin, {"village.clerk", "村专干", Role::kClerk, village, "pass-word-1"})
          .ok());
  EXPECT_EQ(platform_->users()
                .Create(as_admin, {"dist.clerk", "区专员", Role::kClerk, district, "pass-word-1"})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(platform_->users()
                .Create(as_clerk, {"other", "某人", Role::kClerk, town, "pass-word-1"})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  Agency edit = platform_->agencies().Get(district).value();
  edit.short_name = "湖滨区";
  EXPECT_EQ(platform_->agencies().Update(as_admin, edit).code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(platform_->users().List(town)->size(), 3u);
  EXPECT_EQ(platform_->users().List(village)->size(), 1u);
}

TEST_F(ServiceTest, DuplicateUserNameIsRefused) {
  int64_t town = AddAgency(AgencyLevel::kTownship, std::nullopt, "磁钟乡人民政府");
  AddUser("clerk", Role::kClerk, town);
  auto again = platform_->users().Create(
      Actor::Cli(), {"clerk", "另一个", Role::kLeader, town, "other-password"});
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(platform_->users().List()->size(), 1u);
  auto weak =
      platform_->users().Create(Actor::Cli(), {"weak", "弱密码", Role::kClerk, town, "123"});
  EXPECT_EQ(weak.status().code(), StatusCode::kInvalidArgument);
  auto nowhere = platform_->users().Create(
      Actor::Cli(), {"nowhere", "无单位", Role::kClerk, 999, "good-password"});
  EXPECT_EQ(nowhere.status().code(), StatusCode::kNotFound);
}

TEST_F(ServiceTest, LoginThrottlingLocksAndUnlocks) {
  int64_t town = AddAgency(AgencyLevel::kTownship, std::nullopt, "磁钟乡人民政府");
  AddUser("clerk", Role::kClerk, town);
  EXPECT_TRUE(platform_->users().Authenticate("clerk", "secret-password", "10.0.0.1").ok());
  EXPECT_EQ(
      platform_->users().Authenticate("nobody", "secret-password", "10.0.0.1").status().code(),
      StatusCode::kUnauthenticated);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(platform_->users().Authenticate("clerk", "wrong", "10.0.0.1").status().code(),
              StatusCode::kUnauthenticated);
  }
  auto locked = platform_->users().Authenticate("clerk", "secret-password", "10.0.0.1");
  EXPECT_EQ(locked.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(locked.status().ui_message().find("锁定"), std::string::npos);
  clock_.Advance(16 * 60);
  EXPECT_TRUE(platform_->users().Authenticate("clerk", "secret-password", "10.0.0.1").ok());
  EXPECT_EQ(platform_->users().FindByName("clerk")->failed_logins, 0);
}

TEST_F(ServiceTest, IpThrottlingAcrossNames) {
  int64_t town = AddAgency(AgencyLevel::kTownship, std::nullopt, "磁钟乡人民政府");
  AddUser("clerk", Role::kClerk, town);
  for (int i = 0; i < 30; ++i) {
    (void)platform_->users().Authenticate("guess" + std::to_string(i), "x", "10.0.0.9");
  }
  EXPECT_EQ(platform_->users().Authenticate("clerk", "secret-password", "10.0.0.9").status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_TRUE(platform_->users().Authenticate("clerk", "secret-password", "10.0.0.10").ok());
}

TEST_F(ServiceTest, SessionsLiveExpireAndEndOnPasswordChange) {
  int64_t town = AddAgency(AgencyLevel::kTownship, std::nullopt, "磁钟乡人民政府");
  User u = AddUser("clerk", Role::kClerk, town);
  auto s = platform_->sessions().Create(u, "127.0.0.1");
  ASSERT_TRUE(s.ok());
  auto resolved = platform_->sessions().Resolve(s->token);
  ASSERT_TRUE(resolved.ok() && resolved->has_value());
  EXPECT_EQ((*resolved)->user.username, "clerk");
  EXPECT_EQ((*resolved)->csrf_token, s->csrf_token);
  EXPECT_FALSE(platform_->sessions().Resolve(std::string(64, 'a'))->has_value());
  EXPECT_FALSE(platform_->sessions().Resolve("short")->has_value());

  ASSERT_TRUE(platform_->users()
                  .SetPassword(Actor::Staff(u, ""), "clerk", "new-password-2", "secret-password")
                  .ok());
  EXPECT_FALSE(platform_->sessions().Resolve(s->token)->has_value());
  EXPECT_EQ(platform_->users()
                .SetPassword(Actor::Staff(u, ""), "clerk", "new-password-3", "wrong")
                .code(),
            StatusCode::kInvalidArgument);

  auto s2 = platform_->sessions().Create(u, "127.0.0.1");
  clock_.Advance(9 * 3600);
  EXPECT_FALSE(platform_->sessions().Resolve(s2->token)->has_value());
  EXPECT_EQ(*platform_->sessions().PurgeExpired(), 1);
}

TEST_F(ServiceTest, CalendarLoadsAndCaches) {
  CalendarYear y =
      ParseCalendarYear(
          "year: 2023\nsource: 国办发明电〔2022〕16号\nholiday: 2023-01-21..2023-01-27 春节\n"
          "workday: 2023-01-28\nworkday: 2023-01-29\n")
          .value();
  ASSERT_TRUE(platform_->calendar().Load(Actor::Cli(), y).ok());
  auto cal = platform_->calendar().Current();
  ASSERT_TRUE(cal.ok());
  EXPECT_TRUE((*cal)->HasYear(2023));
  EXPECT_FALSE((*cal)->HasYear(2024));
  EXPECT_EQ((*cal)->Classify(Date::Parse("2023-01-28").value()).kind, DayKind::kMakeupWorkday);
  y.source = "";
  EXPECT_EQ(platform_->calendar().Load(Actor::Cli(), y).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(platform_->calendar().List()->size(), 1u);
}

TEST_F(ServiceTest, DemoSeedsOnceAndAuditChainHolds) {
  std::vector<CalendarYear> none;
  auto accounts = SeedDemo(*platform_, none);
  ASSERT_TRUE(accounts.ok()) << accounts.status().ToString();
  EXPECT_EQ(accounts->size(), 5u);
  auto tree = platform_->agencies().Tree();
  ASSERT_TRUE(tree.ok());
  bool found = false;
  for (const auto& n : *tree) found |= n.agency.short_name == "磁钟乡" && n.depth == 3;
  EXPECT_TRUE(found);
  EXPECT_TRUE(platform_->users().Authenticate("cizhong.clerk", kDemoPassword, "127.0.0.1").ok());
  EXPECT_EQ(SeedDemo(*platform_, none).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_GT(AuditCount(), 15);
}

}  // namespace
}  // namespace gongkai::service
