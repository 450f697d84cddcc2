// Agencies (行政机关) form a tree: province → city → district → township/department → village.
// Each carries its disclosure office (政府信息公开工作机构) and its leading group
// (政务公开领导小组). ValidateAgency is the single place that decides what a well-formed agency is.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/terms.h"

namespace gongkai {

struct DisclosureOffice {
  std::string name;  // e.g. 党政综合办公室
  std::string address;
  std::string phone;
  std::string hours;  // office hours, e.g. 工作日 8:30—12:00，14:30—17:30
  std::string email;
};

struct LeadingGroupMember {
  std::string name;
  std::string post;  // e.g. 党委书记
  GroupRole role = GroupRole::kMember;
  bool operator==(const LeadingGroupMember&) const = default;
};

struct Agency {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  AgencyLevel level = AgencyLevel::kTownship;
  std::string name;        // full official name, e.g. 三门峡市湖滨区磁钟乡人民政府
  std::string short_name;  // e.g. 磁钟乡
  std::string
      region_code;  // administrative division code: 6 digits (county+), 9 (township), 12 (village)
  DisclosureOffice office;
  std::vector<LeadingGroupMember> leading_group;
  int64_t version = 0;  // optimistic-lock version, bumped by every update
};

// Whether an agency of level `child` may sit directly under one of level `parent`.
bool CanBeChildOf(AgencyLevel child, AgencyLevel parent);
// People's governments (人民政府) as opposed to their departments; villages are neither. Their
// annual reports also cover 工作考核、社会评议和责任追究, and from county level up they are due on
// 31 March.
bool IsPeoplesGovernment(AgencyLevel level);
// Whether an agency of this level may be a root of the tree (no parent).
bool CanBeRoot(AgencyLevel level);

// Checks fields and the level against the parent (nullptr for a root).
Status ValidateAgency(const Agency& agency, const Agency* parent);

// True if `ancestor` is `id` or one of its ancestors. parent_of returns the parent id of an agency,
// or nullopt for a root or an unknown id. Bounded by depth so a corrupt cycle cannot hang.
bool IsSameOrAncestor(int64_t ancestor, int64_t id,
                      const std::function<std::optional<int64_t>(int64_t)>& parent_of);

}  // namespace gongkai
