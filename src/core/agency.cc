#include "core/agency.h"

#include "core/text.h"

namespace gongkai {

bool CanBeChildOf(AgencyLevel child, AgencyLevel parent) {
  switch (child) {
    case AgencyLevel::kProvince:
      return false;
    case AgencyLevel::kCity:
      return parent == AgencyLevel::kProvince;
    case AgencyLevel::kDistrict:
      return parent == AgencyLevel::kCity;
    case AgencyLevel::kTownship:
      return parent == AgencyLevel::kDistrict || parent == AgencyLevel::kCity;
    case AgencyLevel::kDepartment:
      return parent == AgencyLevel::kProvince || parent == AgencyLevel::kCity ||
             parent == AgencyLevel::kDistrict || parent == AgencyLevel::kTownship;
    case AgencyLevel::kVillage:
      return parent == AgencyLevel::kTownship;
  }
  return false;
}

bool CanBeRoot(AgencyLevel level) {
  switch (level) {
    case AgencyLevel::kProvince:
    case AgencyLevel::kCity:
    case AgencyLevel::kDistrict:
    case AgencyLevel::kTownship:
      return true;
    case AgencyLevel::kDepartment:
    case AgencyLevel::kVillage:
      return false;
  }
  return false;
}

Status ValidateAgency(const Agency& a, const Agency* parent) {
  GK_RETURN_IF_ERROR(CheckText(a.name, 1, 100, "name", "名称"));
  GK_RETURN_IF_ERROR(CheckText(a.short_name, 0, 40, "short name", "简称"));
  if (!a.region_code.empty()) {
    bool digits = true;
    for (char c : a.region_code) digits &= (c >= '0' && c <= '9');
    size_t n = a.region_code.size();
    if (!digits || (n != 6 && n != 9 && n != 12)) {
      return InvalidArgument("region code '" + a.region_code + "' must be 6, 9 or 12 digits",
                             "区划代码“" + a.region_code + "”应为6、9或12位数字");
    }
  }
  GK_RETURN_IF_ERROR(CheckText(a.office.name, 0, 100, "office name", "工作机构名称"));
  GK_RETURN_IF_ERROR(CheckText(a.office.address, 0, 200, "office address", "办公地址"));
  GK_RETURN_IF_ERROR(CheckText(a.office.phone, 0, 40, "office phone", "联系电话"));
  GK_RETURN_IF_ERROR(CheckText(a.office.hours, 0, 100, "office hours", "办公时间"));
  GK_RETURN_IF_ERROR(CheckText(a.office.email, 0, 100, "office e-mail", "电子邮箱"));
  if (a.leading_group.size() > 100) {
    return InvalidArgument("leading group has more than 100 members", "领导小组成员超过100人");
  }
  for (size_t i = 0; i < a.leading_group.size(); ++i) {
    const auto& m = a.leading_group[i];
    std::string en = "leading group member " + std::to_string(i + 1);
    std::string zh = "领导小组第" + std::to_string(i + 1) + "位成员";
    Status st = CheckText(m.name, 1, 40, "name", "姓名");
    if (st.ok()) st = CheckText(m.post, 0, 60, "post", "职务");
    if (!st.ok()) return st.Annotate(en, zh);
  }
  if (parent == nullptr) {
    if (a.parent_id.has_value()) {
      return NotFound("parent agency " + std::to_string(*a.parent_id) + " does not exist",
                      "上级单位（编号" + std::to_string(*a.parent_id) + "）不存在");
    }
    if (!CanBeRoot(a.level)) {
      return InvalidArgument(std::string("an agency of level ") + std::string(Code(a.level)) +
                                 " needs a parent agency",
                             std::string(Label(a.level)) + "单位必须有上级单位");
    }
    return OkStatus();
  }
  if (!CanBeChildOf(a.level, parent->level)) {
    return InvalidArgument(std::string("a ") + std::string(Code(a.level)) +
                               " cannot be placed under a " + std::string(Code(parent->level)) +
                               " (" + parent->name + ")",
                           std::string(Label(a.level)) + "单位不能隶属于" +
                               std::string(Label(parent->level)) + "单位（" + parent->name + "）");
  }
  return OkStatus();
}

bool IsSameOrAncestor(int64_t ancestor, int64_t id,
                      const std::function<std::optional<int64_t>(int64_t)>& parent_of) {
  std::optional<int64_t> cur = id;
  for (int depth = 0; cur && depth < 64; ++depth) {
    if (*cur == ancestor) return true;
    cur = parent_of(*cur);
  }
  return false;
}

bool IsPeoplesGovernment(AgencyLevel level) {
  return level == AgencyLevel::kProvince || level == AgencyLevel::kCity ||
         level == AgencyLevel::kDistrict || level == AgencyLevel::kTownship;
}

}  // namespace gongkai
