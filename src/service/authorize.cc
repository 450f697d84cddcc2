#include "service/authorize.h"

#include <map>
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

Result<std::vector<int64_t>> SubtreeIds(storage::Transaction& tx, int64_t root_id) {
  GK_ASSIGN_OR_RETURN(std::vector<Agency> all, tx.ListAgencies());
  std::multimap<int64_t, int64_t> children;
  for (const Agency& a : all) {
    if (a.parent_id) children.emplace(*a.parent_id, a.id);
  }
  std::vector<int64_t> ids = {root_id};
  for (size_t i = 0; i < ids.size(); ++i) {
    auto [from, to] = children.equal_range(ids[i]);
    for (auto it = from; it != to; ++it) ids.push_back(it->second);
  }
  return ids;
}

Result<std::vector<int64_t>> VisibleScope(storage::Transaction& tx, const Actor& actor,
                                          int64_t root_id) {
  if (root_id == 0) {
    if (!actor.user) return InvalidArgument("an agency must be named", "请指定单位");
    root_id = actor.user->agency_id;
  }
  GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, root_id));
  return SubtreeIds(tx, root_id);
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
