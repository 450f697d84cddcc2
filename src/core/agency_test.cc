#include "core/agency.h"

#include <gtest/gtest.h>

#include <map>

namespace gongkai {
namespace {

Agency Make(AgencyLevel level, std::string name, std::optional<int64_t> parent = std::nullopt) {
  Agency a;
  a.level = level;
  a.name = std::move(name);
  a.parent_id = parent;
  return a;
}

TEST(AgencyTest, LevelsNestTopDown) {
  struct Case {
    AgencyLevel child, parent;
    bool ok;
  } cases[] = {
      {AgencyLevel::kCity, AgencyLevel::kProvince, true},
      {AgencyLevel::kDistrict, AgencyLevel::kCity, true},
      {AgencyLevel::kTownship, AgencyLevel::kDistrict, true},
      {AgencyLevel::kVillage, AgencyLevel::kTownship, true},
      {AgencyLevel::kDepartment, AgencyLevel::kDistrict, true},
      {AgencyLevel::kVillage, AgencyLevel::kDistrict, false},
      {AgencyLevel::kProvince, AgencyLevel::kCity, false},
      {AgencyLevel::kDistrict, AgencyLevel::kTownship, false},
      {AgencyLevel::kDepartment, AgencyLevel::kVillage, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CanBeChildOf(c.child, c.parent), c.ok)
        << Code(c.child) << " under " << Code(c.parent);
  }
  EXPECT_TRUE(CanBeRoot(AgencyLevel::kProvince));
  EXPECT_FALSE(CanBeRoot(AgencyLevel::kVillage));
}

TEST(AgencyTest, ValidatesFields) {
  Agency district = Make(AgencyLevel::kDistrict, "三门峡市湖滨区人民政府", 1);
  Agency town = Make(AgencyLevel::kTownship, "磁钟乡人民政府", 2);
  town.region_code = "411202203";
  town.leading_group = {{"张三", "党委书记", GroupRole::kHead}};
  EXPECT_TRUE(ValidateAgency(town, &district).ok());

  Agency bad = town;
  bad.name = "";
  EXPECT_EQ(ValidateAgency(bad, &district).code(), StatusCode::kInvalidArgument);
  bad = town;
  bad.region_code = "41120";
  EXPECT_NE(ValidateAgency(bad, &district).message().find("region code"), std::string::npos);
  bad = town;
  bad.leading_group.push_back({"", "乡长", GroupRole::kExecutiveDeputy});
  Status st = ValidateAgency(bad, &district);
  EXPECT_NE(st.message().find("leading group member 2"), std::string::npos) << st.message();
  EXPECT_NE(st.ui_message().find("第2位"), std::string::npos);
  bad = town;
  bad.name = std::string("abc\x01", 4);
  EXPECT_FALSE(ValidateAgency(bad, &district).ok());
  bad = town;
  bad.name = "\xff\xfe";
  EXPECT_FALSE(ValidateAgency(bad, &district).ok());

  Agency village = Make(AgencyLevel::kVillage, "某村", 2);
  EXPECT_FALSE(ValidateAgency(village, &district).ok());
  EXPECT_EQ(ValidateAgency(Make(AgencyLevel::kVillage, "某村"), nullptr).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateAgency(Make(AgencyLevel::kVillage, "某村", 99), nullptr).code(),
            StatusCode::kNotFound);
}

TEST(AgencyTest, AncestorWalk) {
  std::map<int64_t, int64_t> parent = {{2, 1}, {3, 2}, {4, 3}, {5, 2}, {7, 8}, {8, 7}};
  auto parent_of = [&](int64_t id) -> std::optional<int64_t> {
    auto it = parent.find(id);
    if (it == parent.end()) return std::nullopt;
    return it->second;
  };
  EXPECT_TRUE(IsSameOrAncestor(1, 4, parent_of));
  EXPECT_TRUE(IsSameOrAncestor(4, 4, parent_of));
  EXPECT_TRUE(IsSameOrAncestor(2, 5, parent_of));
  EXPECT_FALSE(IsSameOrAncestor(3, 5, parent_of));
  EXPECT_FALSE(IsSameOrAncestor(4, 1, parent_of));
  EXPECT_FALSE(IsSameOrAncestor(1, 7, parent_of));  // a cycle terminates
}

}  // namespace
}  // namespace gongkai
