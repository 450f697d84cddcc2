// The statutory terms table: the one place where a Chinese statutory term meets its English
// identifier (shared/spec/glossary.md). UI labels are looked up here, never written elsewhere; enum
// codes are the stable strings stored in the database and used in the API.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace gongkai {

struct Term {
  std::string_view id;  // stable English identifier, e.g. "agency_level.township"
  std::string_view zh;  // the UI label, e.g. "乡镇（街道）"
  std::string_view en;  // a short English gloss for developers
};

std::span<const Term> AllTerms();
const Term* FindTerm(std::string_view id);
// The Chinese label of a term id; the id itself if unknown (a test keeps that from happening).
std::string_view Zh(std::string_view id);

// The enum value whose stable code is `code` among `all` (each enum supplies Code(E)).
template <class E, size_t N>
std::optional<E> ParseCode(const std::array<E, N>& all, std::string_view code) {
  for (E e : all) {
    if (Code(e) == code) return e;
  }
  return std::nullopt;
}
// The UI label of an enum code under its term prefix: LabelOf("role.", "clerk") → "公开专员".
std::string_view LabelOf(std::string_view prefix, std::string_view code);

// Agency levels (行政层级). Order is top-down.
enum class AgencyLevel { kProvince, kCity, kDistrict, kTownship, kDepartment, kVillage };
inline constexpr std::array kAllAgencyLevels = {AgencyLevel::kProvince,   AgencyLevel::kCity,
                                                AgencyLevel::kDistrict,   AgencyLevel::kTownship,
                                                AgencyLevel::kDepartment, AgencyLevel::kVillage};
std::string_view Code(AgencyLevel level);
std::optional<AgencyLevel> ParseAgencyLevel(std::string_view code);
std::string_view Label(AgencyLevel level);

// Staff roles. The public is anonymous and has no role.
enum class Role { kClerk, kLeader, kAdmin, kSupervisor };
inline constexpr std::array kAllRoles = {Role::kClerk, Role::kLeader, Role::kAdmin,
                                         Role::kSupervisor};
std::string_view Code(Role role);
std::optional<Role> ParseRole(std::string_view code);
std::string_view Label(Role role);

// Roles in the leading group (政务公开领导小组).
enum class GroupRole { kHead, kExecutiveDeputy, kDeputy, kMember };
inline constexpr std::array kAllGroupRoles = {GroupRole::kHead, GroupRole::kExecutiveDeputy,
                                              GroupRole::kDeputy, GroupRole::kMember};
std::string_view Code(GroupRole role);
std::optional<GroupRole> ParseGroupRole(std::string_view code);
std::string_view Label(GroupRole role);

}  // namespace gongkai
