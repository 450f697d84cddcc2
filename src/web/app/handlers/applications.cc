// Disclosure applications in the back office (issue 6): the list by deadline with its tabs,
// filters and CSV export, the registration of an application from any channel with every field's
// problem shown next to it, and the case page. The steps taken on a case are in
// application_steps.cc; the work is ApplicationService's.
#include <map>
#include <set>

#include "core/application/identity.h"
#include "web/app/application_form.h"
#include "web/app/application_models.h"
#include "web/app/handlers/application_page.h"
#include "web/app/handlers/handlers.h"

namespace gongkai::web::handlers {

namespace app = application;

namespace {

constexpr service::ApplicationList kTabs[] = {
    service::ApplicationList::kAll,
    service::ApplicationList::kOpen,
    service::ApplicationList::kDueSoon,
    service::ApplicationList::kOverdue,
    service::ApplicationList::kPaused,
    service::ApplicationList::kAwaitingApproval,
    service::ApplicationList::kAwaitingConfirmation,
    service::ApplicationList::kClosed,
};

// The list's query from the URL, and what could not be read in it.
struct ListRequest {
  service::ApplicationQuery query;
  std::map<std::string, std::string> values;  // as typed, for the filter form
  std::vector<std::string> problems;
};

ListRequest ReadListRequest(const Request& req) {
  ListRequest r;
  for (const char* name :
       {"list", "from", "through", "state", "outcome", "type", "handler", "agency"}) {
    r.values[name] = req.QueryParam(name);
  }
  if (auto l = service::ParseApplicationList(r.values["list"])) r.query.list = *l;
  auto date = [&](const char* name, const char* label, std::optional<Date>& out) {
    const std::string& text = r.values[name];
    if (text.empty()) return;
    if (auto d = Date::Parse(text); d.ok()) {
      out = *d;
    } else {
      r.problems.push_back(std::string(label) + "格式应为“2026-01-31”，未按该条件筛选");
    }
  };
  date("from", "收到日期（起）", r.query.received_from);
  date("through", "收到日期（止）", r.query.received_through);
  r.query.state = app::ParseCaseState(r.values["state"]);
  r.query.outcome = app::ParseOutcome(r.values["outcome"]);
  r.query.applicant_type = app::ParseApplicantType(r.values["type"]);
  int64_t id = 0;
  if (ParseId(r.values["handler"], &id)) r.query.handler_id = id;
  if (ParseId(r.values["agency"], &id)) r.query.agency_id = id;
  return r;
}

// The query string of the filters (without the tab), for tab links and the CSV link.
std::string FilterQuery(const ListRequest& r) {
  std::string q;
  for (const char* name : {"from", "through", "state", "outcome", "type", "handler", "agency"}) {
    const std::string& v = r.values.at(name);
    if (v.empty()) continue;
    q += "&" + std::string(name) + "=" + PercentEncode(v);
  }
  return q;
}

template <class E, size_t N>
nlohmann::json Options(const std::array<E, N>& all, const std::string& selected) {
  nlohmann::json list = nlohmann::json::array();
  for (E e : all) {
    list.push_back({{"code", std::string(app::Code(e))},
                    {"label", std::string(app::Label(e))},
                    {"selected", app::Code(e) == selected}});
  }
  return list;
}

Response RegistrationPage(App& app, Call& call, const ApplicationInput* input,
                          const std::string& error, int http_status) {
  nlohmann::json model =
      ApplicationFormModel(input, /*staff=*/true, app.platform().clock().Today());
  model["action"] = "/admin/applications/new";
  model["error"] = error;
  model["script_url"] = app.views().StaticUrl("application-form.js");
  return RenderPage(app, call, "application_form", model, "登记政府信息公开申请", "applications",
                    http_status);
}

}  // namespace

Response ApplicationsPage(App& app, Call& call) {
  const User& me = call.user();
  ListRequest r = ReadListRequest(call.req);
  auto& service = app.platform().applications();
  auto lines = service.List(call.actor, r.query);
  if (!lines.ok()) return ErrorPage(app, call, lines.status());
  auto tree = app.platform().agencies().Tree(me.agency_id);
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  std::map<int64_t, std::string> names;
  nlohmann::json units = nlohmann::json::array();
  for (const auto& node : *tree) {
    names[node.agency.id] =
        node.agency.short_name.empty() ? node.agency.name : node.agency.short_name;
    if (node.agency.level == AgencyLevel::kVillage) continue;
    units.push_back({{"id", std::to_string(node.agency.id)},
                     {"name", node.agency.name},
                     {"selected", r.values["agency"] == std::to_string(node.agency.id)}});
  }
  const std::string filters = FilterQuery(r);
  nlohmann::json tabs = nlohmann::json::array();
  for (service::ApplicationList l : kTabs) {
    service::ApplicationQuery q = r.query;
    q.list = l;
    q.limit = 100000;
    auto count = l == r.query.list ? lines->size() : 0;
    if (l != r.query.list) {
      auto counted = service.List(call.actor, q);
      if (!counted.ok()) return ErrorPage(app, call, counted.status());
      count = counted->size();
    }
    std::string code(service::Code(l));
    tabs.push_back({{"label", std::string(service::Label(l))},
                    {"code", code},
                    {"count", count},
                    {"url", "/admin/applications?list=" + code + filters},
                    {"current", l == r.query.list},
                    {"alert", count > 0 && (l == service::ApplicationList::kOverdue ||
                                            l == service::ApplicationList::kAwaitingApproval)}});
  }
  std::set<int64_t> agencies_listed;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& line : *lines) {
    agencies_listed.insert(line.app.agency_id);
    rows.push_back(ApplicationLineModel(line, names[line.app.agency_id]));
  }
  nlohmann::json handlers = nlohmann::json::array();
  if (auto users = app.platform().users().List(me.agency_id); users.ok()) {
    for (const User& u : *users) {
      if (!RoleAllows(u.role, Permission::kHandleApplications)) continue;
      handlers.push_back({{"id", std::to_string(u.id)},
                          {"name", u.display_name},
                          {"selected", r.values["handler"] == std::to_string(u.id)}});
    }
  }
  nlohmann::json model = {{"tabs", tabs},
                          {"list_code", std::string(service::Code(r.query.list))},
                          {"list_label", std::string(service::Label(r.query.list))},
                          {"rows", rows},
                          {"has_rows", !rows.empty()},
                          {"show_agency", agencies_listed.size() > 1 || units.size() > 1},
                          {"v", r.values},
                          {"problems", r.problems},
                          {"has_problems", !r.problems.empty()},
                          {"filtered", !filters.empty()},
                          {"states", Options(app::kAllCaseStates, r.values["state"])},
                          {"outcomes", OutcomeGroups(app::ParseOutcome(r.values["outcome"]))},
                          {"types", Options(app::kAllApplicantTypes, r.values["type"])},
                          {"handlers", handlers},
                          {"units", units},
                          {"has_units", units.size() > 1},
                          {"csv_url", "/admin/applications.csv?list=" +
                                          std::string(service::Code(r.query.list)) + filters},
                          {"can_register", RoleAllows(me.role, Permission::kHandleApplications)},
                          {"notice", ""}};
  return RenderPage(app, call, "applications", model, "依申请公开", "applications");
}

Response ApplicationsCsv(App& app, Call& call) {
  ListRequest r = ReadListRequest(call.req);
  auto csv = app.platform().applications().ExportCsv(call.actor, r.query);
  if (!csv.ok()) return ErrorPage(app, call, csv.status());
  Response res;
  res.content_type = "text/csv; charset=utf-8";
  res.body = std::move(csv).value();
  std::string name = "依申请公开办理情况-" + std::string(service::Label(r.query.list)) + "-" +
                     app.platform().clock().Today().ToString() + ".csv";
  res.SetHeader(
      "Content-Disposition",
      "attachment; filename=\"applications.csv\"; filename*=UTF-8''" + PercentEncode(name));
  res.SetHeader("X-Content-Type-Options", "nosniff");
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

Response NewApplicationForm(App& app, Call& call) {
  if (!RoleAllows(call.user().role, Permission::kHandleApplications)) {
    return ErrorPage(app, call,
                     PermissionDenied("role may not register applications",
                                      "“" + std::string(Label(call.user().role)) +
                                          "”角色不登记政府信息公开申请，请由公开专员登记"));
  }
  return RegistrationPage(app, call, nullptr, "", 200);
}

Response RegisterApplication(App& app, Call& call) {
  ApplicationInput input = ParseApplicationForm(call.form, /*staff=*/true);
  const Date today = app.platform().clock().Today();
  if (!input.errors.empty()) {
    AddFieldErrors(input, app::ValidateApplicationForm(input.app, today));
    return RegistrationPage(app, call, &input, "", 422);
  }
  auto saved = app.platform().applications().Register(call.actor, call.user().agency_id, input.app);
  if (!saved.ok()) {
    const Status& st = saved.status();
    std::string error;
    if (st.code() == StatusCode::kInvalidArgument) {
      AddFieldErrors(input, app::ValidateApplicationForm(input.app, today));
    }
    if (input.errors.empty()) error = st.ui_message();
    return RegistrationPage(
        app, call, &input, error,
        st.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(st.code()));
  }
  return Response::Redirect("/admin/applications/" + std::to_string(saved->id) +
                            "?done=registered");
}

Response ApplicationPage(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return ErrorPage(app, call, NotFound("bad application id", "未找到该申请"));
  }
  return CasePage(app, call, id, nullptr, StepNotice(call.req.QueryParam("done")), 200);
}

}  // namespace gongkai::web::handlers
