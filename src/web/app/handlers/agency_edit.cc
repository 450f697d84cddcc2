// Editing an agency in the back office (admins, within their subtree): name, region code,
// disclosure office and leading group. The form carries the version it was loaded at; a stale save
// is refused with the user's input kept on the page, so nothing typed is lost.
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

namespace {

constexpr int kSpareGroupRows = 3;

nlohmann::json RolesModel(GroupRole selected) {
  nlohmann::json roles = nlohmann::json::array();
  for (GroupRole r : kAllGroupRoles) {
    roles.push_back({{"code", Code(r)}, {"label", Label(r)}, {"selected", r == selected}});
  }
  return roles;
}

nlohmann::json FormModel(const Agency& a, const std::string& error, bool saved) {
  nlohmann::json m = AgencyModel(a);
  nlohmann::json rows = nlohmann::json::array();
  size_t n = a.leading_group.size() + kSpareGroupRows;
  for (size_t i = 0; i < n; ++i) {
    LeadingGroupMember member =
        i < a.leading_group.size() ? a.leading_group[i] : LeadingGroupMember{};
    rows.push_back({{"index", std::to_string(i)},
                    {"number", std::to_string(i + 1)},
                    {"name", member.name},
                    {"post", member.post},
                    {"roles", RolesModel(member.role)}});
  }
  m["rows"] = rows;
  m["form_version"] = std::to_string(a.version);
  m["form_region_code"] = a.region_code;
  m["form_short_name"] = a.short_name;
  return {{"agency", m}, {"error", error}, {"saved", saved}};
}

// The agency as the form describes it; version is the one the form was loaded at.
Result<Agency> FromForm(const Agency& stored, const FormFields& f) {
  Agency a = stored;
  a.name = std::string(TrimAscii(f.Get("name")));
  a.short_name = std::string(TrimAscii(f.Get("short_name")));
  a.region_code = std::string(TrimAscii(f.Get("region_code")));
  a.office = {
      std::string(TrimAscii(f.Get("office_name"))), std::string(TrimAscii(f.Get("office_address"))),
      std::string(TrimAscii(f.Get("office_phone"))), std::string(TrimAscii(f.Get("office_hours"))),
      std::string(TrimAscii(f.Get("office_email")))};
  int64_t version = 0;
  if (!ParseId(f.Get("version"), &version)) {
    return InvalidArgument("form version missing", "表单已失效，请刷新页面后重试");
  }
  a.version = version;
  a.leading_group.clear();
  for (int i = 0; i < 200; ++i) {
    std::string k = std::to_string(i);
    if (!f.Has("member_name_" + k)) break;
    std::string name(TrimAscii(f.Get("member_name_" + k)));
    std::string post(TrimAscii(f.Get("member_post_" + k)));
    if (name.empty() && post.empty()) continue;  // an unused spare row
    auto role = ParseGroupRole(f.Get("member_role_" + k));
    if (!role)
      return InvalidArgument("member " + k + ": unknown role",
                             "领导小组第" + std::to_string(i + 1) + "行的小组职务无效");
    a.leading_group.push_back({name, post, *role});
  }
  return a;
}

}  // namespace

Response AgencyEditForm(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id))
    return ErrorPage(app, call, NotFound("bad id", "未找到该单位"));
  if (!RoleAllows(call.user().role, Permission::kEditAgency)) {
    return ErrorPage(app, call, PermissionDenied("edit agency", "只有单位管理员可以修改单位信息"));
  }
  auto a = app.platform().agencies().Get(id);
  if (!a.ok()) return ErrorPage(app, call, a.status());
  return RenderPage(app, call, "agency_edit",
                    FormModel(*a, "", call.req.QueryParam("saved") == "1"), "修改单位信息",
                    "admin");
}

Response SaveAgency(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id))
    return ErrorPage(app, call, NotFound("bad id", "未找到该单位"));
  auto stored = app.platform().agencies().Get(id);
  if (!stored.ok()) return ErrorPage(app, call, stored.status());
  auto edited = FromForm(*stored, call.form);
  Status st = edited.status();
  if (st.ok()) st = app.platform().agencies().Update(call.actor, *edited);
  if (!st.ok()) {
    // Show the user's own input again with the reason; for a stale form, say so plainly.
    Agency shown = edited.ok() ? *edited : *stored;
    std::string message = st.ui_message();
    if (st.code() == StatusCode::kAborted) {
      message =
          "保存失败：该单位信息已被他人修改。您填写的内容仍保留在下方，请刷新页面查看最新信息后重新"
          "修改。";
    }
    return RenderPage(app, call, "agency_edit", FormModel(shown, message, false), "修改单位信息",
                      "admin", HttpStatusFor(st.code()));
  }
  return Response::Redirect("/admin/agencies/" + std::to_string(id) + "/edit?saved=1");
}

}  // namespace gongkai::web::handlers
