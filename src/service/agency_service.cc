#include "service/agency_service.h"

#include <functional>
#include <map>

#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

namespace {
std::string Entity(int64_t id) { return "agency:" + std::to_string(id); }
}  // namespace

Result<int64_t> AgencyService::Create(const Actor& actor, Agency agency) {
  int64_t id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    std::optional<Agency> parent;
    if (agency.parent_id) {
      auto p = tx.GetAgency(*agency.parent_id);
      if (!p.ok() && p.status().code() != StatusCode::kNotFound) return p.status();
      if (p.ok()) parent = *p;
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditAgency, *agency.parent_id));
    } else if (actor.kind == Actor::Kind::kStaff || actor.kind == Actor::Kind::kPublic) {
      return PermissionDenied("only the platform administrator can create a root agency",
                              "只有平台管理员可以创建顶级单位");
    }
    GK_RETURN_IF_ERROR(ValidateAgency(agency, parent ? &*parent : nullptr));
    GK_ASSIGN_OR_RETURN(id, tx.InsertAgency(agency));
    GK_ASSIGN_OR_RETURN(Agency stored, tx.GetAgency(id));
    return RecordChange(tx, clock_, actor, "agency.create", Entity(id), "", Dump(ToJson(stored)));
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "agency.create",
                   agency.parent_id ? Entity(*agency.parent_id) : "agency:-", st);
    return st;
  }
  return id;
}

Status AgencyService::Update(const Actor& actor, const Agency& agency) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(Agency before, tx.GetAgency(agency.id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditAgency, agency.id));
    if (agency.parent_id != before.parent_id || agency.level != before.level) {
      return InvalidArgument("moving an agency or changing its level is not supported",
                             "不支持修改单位的上级或层级");
    }
    std::optional<Agency> parent;
    if (agency.parent_id) {
      GK_ASSIGN_OR_RETURN(parent, tx.GetAgency(*agency.parent_id));
    }
    GK_RETURN_IF_ERROR(ValidateAgency(agency, parent ? &*parent : nullptr));
    GK_RETURN_IF_ERROR(tx.UpdateAgency(agency));
    GK_ASSIGN_OR_RETURN(Agency after, tx.GetAgency(agency.id));
    return RecordChange(tx, clock_, actor, "agency.update", Entity(agency.id), Dump(ToJson(before)),
                        Dump(ToJson(after)));
  });
  if (!st.ok()) RecordRejected(store_, clock_, actor, "agency.update", Entity(agency.id), st);
  return st;
}

Result<Agency> AgencyService::Get(int64_t id) {
  return InRead(store_, [&](storage::Transaction& tx) { return tx.GetAgency(id); });
}

Result<std::vector<Agency>> AgencyService::List() {
  return InRead(store_, [&](storage::Transaction& tx) { return tx.ListAgencies(); });
}

Result<std::vector<AgencyNode>> AgencyService::Tree(int64_t root_id) {
  GK_ASSIGN_OR_RETURN(std::vector<Agency> all, List());
  std::map<int64_t, std::vector<const Agency*>> children;  // parent id (0 = none) → children by id
  const Agency* root = nullptr;
  for (const Agency& a : all) {
    children[a.parent_id.value_or(0)].push_back(&a);
    if (a.id == root_id) root = &a;
  }
  if (root_id != 0 && root == nullptr) {
    return NotFound("agency " + std::to_string(root_id) + " does not exist",
                    "单位（编号" + std::to_string(root_id) + "）不存在");
  }
  std::vector<AgencyNode> out;
  std::function<void(const Agency*, int)> walk = [&](const Agency* a, int depth) {
    if (depth > 32) return;  // a corrupt cycle must not hang the page
    out.push_back({*a, depth});
    for (const Agency* c : children[a->id]) walk(c, depth + 1);
  };
  if (root) {
    walk(root, 0);
  } else {
    for (const Agency* r : children[0]) walk(r, 0);
  }
  return out;
}

Result<std::vector<Agency>> AgencyService::Path(int64_t id) {
  GK_ASSIGN_OR_RETURN(std::vector<Agency> all, List());
  std::map<int64_t, const Agency*> by_id;
  for (const Agency& a : all) by_id[a.id] = &a;
  std::vector<Agency> path;
  std::optional<int64_t> cur = id;
  while (cur && path.size() < 32) {
    auto it = by_id.find(*cur);
    if (it == by_id.end()) break;
    path.insert(path.begin(), *it->second);
    cur = it->second->parent_id;
  }
  if (path.empty()) {
    return NotFound("agency " + std::to_string(id) + " does not exist",
                    "单位（编号" + std::to_string(id) + "）不存在");
  }
  return path;
}

}  // namespace gongkai::service
