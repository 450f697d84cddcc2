#include "service/authorize.h"

#include <unordered_map>

namespace gongkai::service {

Result<bool> InSubtree(storage::Transaction& tx, int64_t root_id, int64_t agency_id) {
  GK_ASSIGN_OR_RETURN(std::vector<Agency> all, tx.ListAgencies());
  std::unordered_map<int64_t, std::optional<int64_t>> parent;
  for (const Agency& a : all) parent[a.id] = a.parent_id;
  return IsSameOrAncestor(root_id, agency_id, [&](int64_t id) -> std::optional<int64_t> {
    auto it = parent.find(id);
    return it == parent.end() ? std::nullopt : it->second;
  });
}

Status Authorize(storage::Transaction& tx, const Actor& actor, Permission permission,
                 int64_t agency_id) {
  switch (actor.kind) {
    case Actor::Kind::kCli:
    case Actor::Kind::kSystem:
      return OkStatus();
    case Actor::Kind::kPublic:
      return PermissionDenied("the public cannot do this", "公众用户无权执行此操作，请先登录");
    case Actor::Kind::kStaff:
      break;
  }
  const User& u = *actor.user;
  if (!u.active) return PermissionDenied("user " + u.username + " is disabled", "该账号已停用");
  if (!RoleAllows(u.role, permission)) {
    return PermissionDenied(
        "role " + std::string(Code(u.role)) + " of " + u.username + " may not do this",
        std::string("“") + std::string(Label(u.role)) + "”角色无权执行此操作");
  }
  GK_ASSIGN_OR_RETURN(bool inside, InSubtree(tx, u.agency_id, agency_id));
  if (!inside) {
    return PermissionDenied(
        "agency " + std::to_string(agency_id) + " is outside the scope of " + u.username,
        "该单位不在您的管理范围内");
  }
  return OkStatus();
}

}  // namespace gongkai::service
