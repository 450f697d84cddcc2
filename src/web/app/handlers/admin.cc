// The back office: a home page scoped to the user's agency and its subtree, password change, users
// (admins) and the audit log (admins and supervisors).
#include <map>

#include "core/application/case_state.h"
#include "service/publication_service.h"

#include "web/app/application_models.h"
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

namespace {

std::map<int64_t, std::string> AgencyNames(App& app) {
  std::map<int64_t, std::string> names;
  if (auto all = app.platform().agencies().List(); all.ok()) {
    for (const auto& a : *all) names[a.id] = a.name;
  }
  return names;
}

std::vector<std::string> Entities(const std::vector<service::AgencyNode>& nodes,
                                  const std::vector<User>& users) {
  std::vector<std::string> out;
  for (const auto& n : nodes) out.push_back("agency:" + std::to_string(n.agency.id));
  for (const auto& u : users) out.push_back("user:" + std::to_string(u.id));
  return out;
}

nlohmann::json UsersModel(App& app, const std::vector<User>& users) {
  auto names = AgencyNames(app);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& u : users) list.push_back(UserModel(u, names[u.agency_id]));
  return list;
}

// Applications waiting for this user: for those who handle or supervise them, the counts by
// deadline (each a link to its tab); for the leader, the extension requests to decide.
void AddApplicationTodo(App& app, const Call& call, nlohmann::json& model) {
  const User& me = call.user();
  auto& applications = app.platform().applications();
  nlohmann::json counts = nlohmann::json::array();
  if (RoleAllows(me.role, Permission::kHandleApplications) ||
      RoleAllows(me.role, Permission::kSuperviseSubtree)) {
    const std::pair<service::ApplicationList, const char*> kCounts[] = {
        {service::ApplicationList::kOverdue, "已逾期"},
        {service::ApplicationList::kDueSoon, "即将到期"},
        {service::ApplicationList::kPaused, "暂停计时（待补正、征求意见、待缴费）"},
        {service::ApplicationList::kAwaitingConfirmation, "在线申请待确认收到"},
    };
    for (const auto& [list, label] : kCounts) {
      service::ApplicationQuery q;
      q.list = list;
      q.limit = 100000;
      auto lines = applications.List(call.actor, q);
      if (!lines.ok()) continue;
      std::string text = label;
      if (list == service::ApplicationList::kDueSoon) {
        text = std::to_string(q.due_within) + "个工作日内到期";
      }
      counts.push_back({{"label", text},
                        {"count", lines->size()},
                        {"url", "/admin/applications?list=" + std::string(service::Code(list))},
                        {"alert", !lines->empty() && list == service::ApplicationList::kOverdue},
                        {"none", lines->empty()}});
    }
  }
  nlohmann::json approvals = nlohmann::json::array();
  if (RoleAllows(me.role, Permission::kApproveExtension)) {
    service::ApplicationQuery q;
    q.list = service::ApplicationList::kAwaitingApproval;
    if (auto lines = applications.List(call.actor, q); lines.ok()) {
      for (const auto& line : *lines) {
        // A list line carries no events: the request's days are read from the case.
        int days = 0;
        if (auto view = applications.Get(call.actor, line.app.id); view.ok()) {
          const auto* request = application::OpenItemsOf(view->app).extension_request;
          if (request) days = request->days;
        }
        approvals.push_back({{"url", "/admin/applications/" + std::to_string(line.app.id) +
                                         "#act-extension_decision"},
                             {"serial", SerialText(line.app)},
                             {"applicant", line.app.applicant.name},
                             {"days", days},
                             {"due", line.deadline.due ? line.deadline.due->ToString() : ""}});
      }
    }
  }
  model["app_counts"] = counts;
  model["extension_todo"] = approvals;
  model["has_app_todo"] = !counts.empty() || !approvals.empty();
  model["has_extension_todo"] = !approvals.empty();
  model["has_app_counts"] = !counts.empty();
}

// Proactive disclosure waiting for this user: for the leader, the items awaiting approval (each
// linked to its decision form); for the clerk, the counts of the lists that need action.
void AddPublicationTodo(App& app, const Call& call, nlohmann::json& model) {
  const User& me = call.user();
  auto& publications = app.platform().publications();
  nlohmann::json approvals = nlohmann::json::array();
  if (RoleAllows(me.role, Permission::kApprovePublications)) {
    service::PublicationListQuery q;
    q.list = service::PublicationList::kAwaitingApproval;
    if (auto lines = publications.List(call.actor, q); lines.ok()) {
      for (const auto& line : *lines) {
        const publication::Version* w = line.item.Working();
        approvals.push_back(
            {{"url", "/admin/publications/" + std::to_string(line.item.id) + "#act-decision"},
             {"title", w ? w->content.title : line.item.index_number},
             {"index_number", line.item.index_number},
             {"revision", line.item.RevisionPending()},
             {"version", line.item.working_version},
             {"due", line.timeliness.due ? line.timeliness.due->ToString() : ""},
             {"overdue", line.timeliness.status == publication::Timeliness::kOverdue}});
      }
    }
  }
  nlohmann::json counts = nlohmann::json::array();
  if (RoleAllows(me.role, Permission::kEditPublications)) {
    if (auto all = publications.Counts(call.actor, 0); all.ok()) {
      for (const auto& [list, count] : *all) {
        if (list != service::PublicationList::kOverdue &&
            list != service::PublicationList::kDueSoon &&
            list != service::PublicationList::kInReview && list != service::PublicationList::kStale)
          continue;
        counts.push_back(
            {{"label", std::string(service::Label(list))},
             {"count", count},
             {"url", "/admin/publications?list=" + std::string(service::Code(list))},
             {"alert", count > 0 && list == service::PublicationList::kOverdue}});
      }
    }
  }
  model["publication_todo"] = approvals;
  model["has_publication_todo"] = !approvals.empty();
  model["publication_counts"] = counts;
  model["has_publication_counts"] = !counts.empty();
  model["has_pub_section"] = !approvals.empty() || !counts.empty();
}

}  // namespace

Response AdminHome(App& app, Call& call) {
  const User& me = call.user();
  auto tree = app.platform().agencies().Tree(me.agency_id);
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  auto path = app.platform().agencies().Path(me.agency_id);
  if (!path.ok()) return ErrorPage(app, call, path.status());
  nlohmann::json subunits = nlohmann::json::array();
  for (size_t i = 1; i < tree->size(); ++i) {
    nlohmann::json j = AgencyModel((*tree)[i].agency);
    j["depth"] = std::to_string(std::min((*tree)[i].depth, 6));
    subunits.push_back(j);
  }
  nlohmann::json agency_model = AgencyModel(tree->front().agency);
  agency_model["can_edit_agency"] = RoleAllows(me.role, Permission::kEditAgency);
  nlohmann::json model = {
      {"agency", agency_model},
      {"path", nlohmann::json::array()},
      {"subunits", subunits},
      {"has_subunits", !subunits.empty()},
      {"subunit_count", std::to_string(subunits.size())},
      {"can_manage_users", RoleAllows(me.role, Permission::kManageUsers)},
      {"can_edit_agency", RoleAllows(me.role, Permission::kEditAgency)},
      {"can_view_audit", RoleAllows(me.role, Permission::kViewAuditLog)},
      {"is_supervisor", RoleAllows(me.role, Permission::kSuperviseSubtree)},
      {"can_audit_reports", RoleAllows(me.role, Permission::kAuditReports)},
      {"can_register", RoleAllows(me.role, Permission::kHandleApplications)},
  };
  for (const auto& a : *path) model["path"].push_back(AgencyModel(a));
  model["path"].back()["is_last"] = true;

  auto cal = app.platform().calendar().Current();
  if (cal.ok()) {
    int this_year = app.platform().clock().Today().year();
    nlohmann::json years = nlohmann::json::array();
    for (int y : (*cal)->LoadedYears()) years.push_back(std::to_string(y));
    model["calendar_years"] = years;
    model["next_year_missing"] = !(*cal)->HasYear(this_year + 1);
    model["next_year"] = std::to_string(this_year + 1);
  }
  // Reports waiting for this user: the leader's approvals, the clerk's drafts and returned ones.
  auto reports = app.platform().reports().List(call.actor, me.agency_id);
  if (reports.ok()) {
    nlohmann::json todo = nlohmann::json::array();
    bool leader = RoleAllows(me.role, Permission::kApproveReport);
    bool clerk = RoleAllows(me.role, Permission::kEditReport);
    for (const auto& line : *reports) {
      const AnnualReport& r = line.record;
      bool mine = (leader && r.status == ReportStatus::kPending) ||
                  (clerk && r.status == ReportStatus::kDraft);
      if (!mine) continue;
      todo.push_back({{"url", "/admin/reports/" + std::to_string(r.id)},
                      {"year", r.year},
                      {"version", r.version},
                      {"status", Label(r.status)},
                      {"returned", !r.return_comment.empty()},
                      {"errors", line.errors},
                      {"has_errors", line.errors > 0}});
    }
    model["report_todo"] = todo;
    model["has_report_todo"] = !todo.empty();
  }
  AddApplicationTodo(app, call, model);
  AddPublicationTodo(app, call, model);
  if (RoleAllows(me.role, Permission::kViewAuditLog)) {
    auto users = app.platform().users().List(me.agency_id);
    if (users.ok()) {
      auto recent = app.platform().audit().Recent(Entities(*tree, *users), 8);
      if (recent.ok()) {
        model["recent"] = nlohmann::json::array();
        for (const auto& e : *recent) model["recent"].push_back(AuditModel(e));
        model["has_recent"] = !recent->empty();
      }
    }
  }
  return RenderPage(app, call, "admin_home", model, "工作台", "admin");
}

Response PasswordForm(App& app, Call& call) {
  return RenderPage(app, call, "password",
                    {{"error", ""}, {"done", call.req.QueryParam("done") == "1"}}, "修改密码",
                    "admin");
}

Response ChangePassword(App& app, Call& call) {
  const std::string& next = call.form.Get("new_password");
  if (next != call.form.Get("confirm_password")) {
    return RenderPage(app, call, "password", {{"error", "两次输入的新密码不一致"}}, "修改密码",
                      "admin", 400);
  }
  Status st = app.platform().users().SetPassword(call.actor, call.user().username, next,
                                                 call.form.Get("old_password"));
  if (!st.ok()) {
    return RenderPage(app, call, "password", {{"error", st.ui_message()}}, "修改密码", "admin",
                      HttpStatusFor(st.code()));
  }
  // A new password ends every session, including this one: log in again.
  Response r = Response::Redirect("/login?next=%2Fadmin");
  r.SetCookie("gk_session", "", {.max_age_seconds = 0, .secure = app.options().secure_cookies});
  return r;
}

Response UsersPage(App& app, Call& call) {
  const User& me = call.user();
  if (!RoleAllows(me.role, Permission::kManageUsers) &&
      !RoleAllows(me.role, Permission::kSuperviseSubtree)) {
    return ErrorPage(app, call,
                     PermissionDenied("users page", "只有单位管理员或监督人员可以查看用户"));
  }
  auto users = app.platform().users().List(me.agency_id);
  if (!users.ok()) return ErrorPage(app, call, users.status());
  auto tree = app.platform().agencies().Tree(me.agency_id);
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  nlohmann::json roles = nlohmann::json::array();
  for (Role r : kAllRoles) roles.push_back({{"code", Code(r)}, {"label", Label(r)}});
  nlohmann::json model = {{"users", UsersModel(app, *users)},
                          {"agencies", TreeModel(*tree)},
                          {"roles", roles},
                          {"can_manage_users", RoleAllows(me.role, Permission::kManageUsers)},
                          {"error", call.req.QueryParam("error")},
                          {"created", call.req.QueryParam("created")}};
  return RenderPage(app, call, "users", model, "用户管理", "admin");
}

Response CreateUser(App& app, Call& call) {
  service::NewUser nu;
  nu.username = call.form.Get("username");
  nu.display_name = call.form.Get("display_name");
  nu.password = call.form.Get("password");
  auto role = ParseRole(call.form.Get("role"));
  int64_t agency_id = 0;
  Status st;
  if (!role) {
    st = InvalidArgument("unknown role", "请选择角色");
  } else if (!ParseId(call.form.Get("agency_id"), &agency_id)) {
    st = InvalidArgument("bad agency id", "请选择所属单位");
  } else {
    nu.role = *role;
    nu.agency_id = agency_id;
    auto id = app.platform().users().Create(call.actor, nu);
    st = id.status();
  }
  if (!st.ok()) return Response::Redirect("/admin/users?error=" + PercentEncode(st.ui_message()));
  return Response::Redirect("/admin/users?created=" + PercentEncode(nu.username));
}

Response AuditPage(App& app, Call& call) {
  const User& me = call.user();
  if (!RoleAllows(me.role, Permission::kViewAuditLog)) {
    return ErrorPage(app, call,
                     PermissionDenied("audit page", "只有单位管理员或监督人员可以查看操作日志"));
  }
  auto tree = app.platform().agencies().Tree(me.agency_id);
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  auto users = app.platform().users().List(me.agency_id);
  if (!users.ok()) return ErrorPage(app, call, users.status());
  auto recent = app.platform().audit().Recent(Entities(*tree, *users), 200);
  if (!recent.ok()) return ErrorPage(app, call, recent.status());
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : *recent) entries.push_back(AuditModel(e));
  return RenderPage(app, call, "audit", {{"entries", entries}}, "操作日志", "admin");
}

}  // namespace gongkai::web::handlers
