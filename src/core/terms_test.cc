#include "core/terms.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/calendar.h"

namespace gongkai {
namespace {

// Every enum value has a term, so no UI label falls back to an identifier.
TEST(TermsTest, EveryEnumHasAChineseLabel) {
  for (AgencyLevel v : kAllAgencyLevels) {
    EXPECT_NE(FindTerm(std::string("agency_level.") + std::string(Code(v))), nullptr) << Code(v);
    EXPECT_EQ(ParseAgencyLevel(Code(v)), v);
  }
  for (Role v : kAllRoles) {
    EXPECT_NE(FindTerm(std::string("role.") + std::string(Code(v))), nullptr) << Code(v);
    EXPECT_EQ(ParseRole(Code(v)), v);
  }
  for (GroupRole v : kAllGroupRoles) {
    EXPECT_NE(FindTerm(std::string("group_role.") + std::string(Code(v))), nullptr) << Code(v);
    EXPECT_EQ(ParseGroupRole(Code(v)), v);
  }
  for (DayKind v :
       {DayKind::kWorkday, DayKind::kWeekend, DayKind::kHoliday, DayKind::kMakeupWorkday}) {
    EXPECT_NE(FindTerm(std::string("day_kind.") + std::string(DayKindCode(v))), nullptr);
  }
  EXPECT_EQ(Label(AgencyLevel::kTownship), "乡镇（街道）");
  EXPECT_EQ(Label(Role::kClerk), "公开专员");
  EXPECT_FALSE(ParseRole("Clerk").has_value());
}

TEST(TermsTest, IdsAndLabelsAreUniqueAndNonEmpty) {
  std::set<std::string_view> ids;
  for (const Term& t : AllTerms()) {
    EXPECT_TRUE(ids.insert(t.id).second) << "duplicate id " << t.id;
    EXPECT_FALSE(t.zh.empty()) << t.id;
    EXPECT_FALSE(t.en.empty()) << t.id;
  }
  EXPECT_EQ(Zh("correction"), "补正");
  EXPECT_EQ(Zh("no.such.term"), "no.such.term");
}

}  // namespace
}  // namespace gongkai
