#include "service/demo.h"

#include "service/demo_applications.h"
#include "service/demo_disclosure.h"
#include "service/demo_publications.h"
#include "service/demo_reports.h"

namespace gongkai::service {

namespace {

struct DemoUserSpec {
  const char* username;
  const char* display_name;
  Role role;
  int agency_index;  // index into the agencies created below
};

// Index of each agency in creation order.
enum : int { kProvince, kCity, kDistrict, kCizhong, kHrss };

constexpr DemoUserSpec kUsers[] = {
    {"cizhong.clerk", "王晓敏", Role::kClerk, kCizhong},
    {"cizhong.leader", "赵建国", Role::kLeader, kCizhong},
    {"cizhong.admin", "陈立新", Role::kAdmin, kCizhong},
    {"hubin.supervisor", "刘芳", Role::kSupervisor, kDistrict},
    {"hrss.clerk", "孙悦", Role::kClerk, kHrss},
};

Agency MakeAgency(AgencyLevel level, std::optional<int64_t> parent, std::string name,
                  std::string short_name, std::string region_code) {
  Agency a;
  a.level = level;
  a.parent_id = parent;
  a.name = std::move(name);
  a.short_name = std::move(short_name);
  a.region_code = std::move(region_code);
  return a;
}

}  // namespace

std::vector<DemoAccount> DemoAccounts() {
  static const char* kAgencyNames[] = {"河南省人民政府", "三门峡市人民政府",
                                       "三门峡市湖滨区人民政府", "三门峡市湖滨区磁钟乡人民政府",
                                       "三门峡市湖滨区人力资源和社会保障局"};
  std::vector<DemoAccount> out;
  for (const auto& u : kUsers) {
    out.push_back(
        {u.username, kDemoPassword, std::string(Label(u.role)), kAgencyNames[u.agency_index]});
  }
  return out;
}

Result<std::vector<DemoAccount>> SeedDemo(Platform& p, const std::vector<CalendarYear>& calendars) {
  GK_ASSIGN_OR_RETURN(std::vector<Agency> existing, p.agencies().List());
  if (!existing.empty()) {
    return FailedPrecondition(
        "the database already has agencies; demo data goes only into an empty database",
        "数据库中已有单位数据，演示数据只能导入空数据库");
  }
  Actor sys = Actor::System();
  for (const auto& y : calendars) GK_RETURN_IF_ERROR(p.calendar().Load(sys, y));

  std::vector<int64_t> ids;
  auto add = [&](Agency a) -> Status {
    GK_ASSIGN_OR_RETURN(int64_t id, p.agencies().Create(sys, std::move(a)));
    ids.push_back(id);
    return OkStatus();
  };

  Agency province =
      MakeAgency(AgencyLevel::kProvince, std::nullopt, "河南省人民政府", "河南省", "410000");
  province.office = {"河南省人民政府办公厅政务公开办公室", "郑州市金水路", "",
                     "工作日 9:00—12:00，13:00—17:00", ""};
  GK_RETURN_IF_ERROR(add(province));
  Agency city =
      MakeAgency(AgencyLevel::kCity, ids[kProvince], "三门峡市人民政府", "三门峡市", "411200");
  city.office = {"三门峡市人民政府办公室政务公开科", "三门峡市", "",
                 "工作日 8:30—12:00，15:00—18:00", ""};
  GK_RETURN_IF_ERROR(add(city));
  Agency district =
      MakeAgency(AgencyLevel::kDistrict, ids[kCity], "三门峡市湖滨区人民政府", "湖滨区", "411202");
  district.office = {"湖滨区人民政府办公室政务公开办", "三门峡市湖滨区", "",
                     "工作日 8:30—12:00，15:00—18:00", ""};
  district.leading_group = {{"周海涛", "区长", GroupRole::kHead},
                            {"吴晓东", "常务副区长", GroupRole::kExecutiveDeputy},
                            {"郑丽华", "区政府办公室主任", GroupRole::kMember}};
  GK_RETURN_IF_ERROR(add(district));

  Agency cizhong = MakeAgency(AgencyLevel::kTownship, ids[kDistrict],
                              "三门峡市湖滨区磁钟乡人民政府", "磁钟乡", "");
  cizhong.office = {"党政综合办公室", "磁钟乡人民政府院内", "", "工作日 8:30—12:00，15:00—18:00",
                    ""};
  cizhong.leading_group = {{"李卫东", "党委书记", GroupRole::kHead},
                           {"张志强", "乡长", GroupRole::kExecutiveDeputy},
                           {"马红梅", "党委副书记", GroupRole::kDeputy},
                           {"杨振华", "副乡长", GroupRole::kDeputy},
                           {"王晓敏", "党政综合办公室主任", GroupRole::kMember}};
  GK_RETURN_IF_ERROR(add(cizhong));

  Agency hrss = MakeAgency(AgencyLevel::kDepartment, ids[kDistrict],
                           "三门峡市湖滨区人力资源和社会保障局", "湖滨区人社局", "");
  hrss.office = {"局办公室", "三门峡市湖滨区", "", "工作日 8:30—12:00，15:00—18:00", ""};
  hrss.leading_group = {{"黄振宇", "局长", GroupRole::kHead},
                        {"林静", "副局长", GroupRole::kDeputy}};
  GK_RETURN_IF_ERROR(add(hrss));

  // Villages of 磁钟乡: each runs 村务公开 with its own leading group (seed report, section 一.三).
  for (const char* village : {"磁钟村", "湾子村", "后川村", "大王村", "王官村", "庙底村"}) {
    Agency v = MakeAgency(AgencyLevel::kVillage, ids[kCizhong],
                          std::string("磁钟乡") + village + "村民委员会", village, "");
    v.office = {std::string(village) + "党群服务中心", "", "", "", ""};
    GK_RETURN_IF_ERROR(add(v));
  }
  // Another township, so the district's tree is not a single line.
  GK_RETURN_IF_ERROR(add(MakeAgency(AgencyLevel::kTownship, ids[kDistrict],
                                    "三门峡市湖滨区交口乡人民政府", "交口乡", "")));

  std::vector<User> users;
  for (const auto& u : kUsers) {
    NewUser nu{u.username, u.display_name, u.role, ids[u.agency_index], kDemoPassword};
    GK_ASSIGN_OR_RETURN(int64_t uid, p.users().Create(sys, nu));
    GK_ASSIGN_OR_RETURN(User created, p.users().Get(uid));
    users.push_back(std::move(created));
  }
  GK_RETURN_IF_ERROR(SeedDemoReports(p.store(), ids[kCizhong]));
  GK_RETURN_IF_ERROR(SeedDemoApplications(p, ids[kCizhong], users[0], users[1]));
  // ids[kHrss + 1] is 磁钟村, the first village.
  GK_RETURN_IF_ERROR(SeedDemoPublications(p, ids[kCizhong], ids[kHrss + 1], users[0], users[1]));
  GK_RETURN_IF_ERROR(SeedDemoDisclosureFigures(p, ids[kCizhong], ids[kDistrict], ids[kHrss]));
  return DemoAccounts();
}

}  // namespace gongkai::service
