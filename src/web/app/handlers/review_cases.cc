// Administrative review and litigation records in the back office (Art. 51 → Table 四): the
// unit's cases with a form to record one (linked, when there is one, to the closed application
// whose answer is challenged), and a case's page to record its result. The work is
// ReviewCaseService's.
#include <map>

#include "web/app/application_models.h"
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

namespace lit = litigation;

namespace {

constexpr const char* kFields[] = {"kind", "role",        "application_id", "decision", "applicant",
                                   "body", "case_number", "filed_on",       "result",   "result_on",
                                   "note"};

struct ReviewInput {
  lit::ReviewCase c;
  std::map<std::string, std::string> values;
  std::vector<std::string> errors;
};

ReviewInput ParseReviewForm(const FormFields& form) {
  ReviewInput in;
  for (const char* f : kFields) in.values[f] = form.Get(f);
  auto& v = in.values;
  if (auto k = lit::ParseCaseKind(v["kind"])) {
    in.c.kind = *k;
  } else {
    in.errors.push_back("请选择案件类型");
  }
  if (auto r = lit::ParseAgencyRole(v["role"])) {
    in.c.role = *r;
  } else {
    in.errors.push_back("请选择本机关在案件中的地位");
  }
  if (auto r = lit::ParseCaseResult(v["result"])) {
    in.c.result = *r;
  } else {
    in.errors.push_back("请选择案件结果");
  }
  int64_t id = 0;
  if (!v["application_id"].empty() && v["application_id"] != "0") {
    if (ParseId(v["application_id"], &id)) {
      in.c.application_id = id;
    } else {
      in.errors.push_back("关联的申请无效");
    }
  }
  if (auto d = Date::Parse(v["filed_on"]); d.ok()) {
    in.c.filed_on = *d;
  } else {
    in.errors.push_back(v["filed_on"].empty() ? "请填写立案（受理）日期"
                                              : "立案（受理）日期格式应为“2026-01-31”");
  }
  if (!v["result_on"].empty()) {
    if (auto d = Date::Parse(v["result_on"]); d.ok()) {
      in.c.result_on = *d;
    } else {
      in.errors.push_back("结果日期格式应为“2026-01-31”");
    }
  }
  in.c.decision = v["decision"];
  in.c.applicant = v["applicant"];
  in.c.body = v["body"];
  in.c.case_number = v["case_number"];
  in.c.note = v["note"];
  return in;
}

std::map<std::string, std::string> ValuesOf(const lit::ReviewCase& c) {
  return {{"kind", std::string(lit::Code(c.kind))},
          {"role", std::string(lit::Code(c.role))},
          {"application_id", c.application_id ? std::to_string(c.application_id) : ""},
          {"decision", c.decision},
          {"applicant", c.applicant},
          {"body", c.body},
          {"case_number", c.case_number},
          {"filed_on", c.filed_on.ToString()},
          {"result", std::string(lit::Code(c.result))},
          {"result_on", c.result_on ? c.result_on->ToString() : ""},
          {"note", c.note}};
}

template <class E, size_t N>
nlohmann::json Options(const std::array<E, N>& all, const std::string& selected) {
  nlohmann::json list = nlohmann::json::array();
  for (E e : all) {
    list.push_back({{"code", std::string(lit::Code(e))},
                    {"label", std::string(lit::Label(e))},
                    {"selected", lit::Code(e) == selected}});
  }
  return list;
}

// The form's model: values, choices, and the agency's closed applications to link.
nlohmann::json FormModel(App& app, Call& call, int64_t agency_id,
                         const std::map<std::string, std::string>& values) {
  nlohmann::json v = values;
  nlohmann::json apps = nlohmann::json::array();
  service::ApplicationQuery q;
  q.agency_id = agency_id;
  q.list = service::ApplicationList::kClosed;
  if (auto lines = app.platform().applications().List(call.actor, q); lines.ok()) {
    for (const auto& line : *lines) {
      if (line.app.agency_id != agency_id) continue;
      const auto& a = line.app;
      std::string id = std::to_string(a.id);
      std::string label = SerialText(a) + " " + a.applicant.name;
      if (a.outcome) label += "（" + std::string(application::Label(*a.outcome)) + "）";
      apps.push_back(
          {{"id", id}, {"label", label}, {"selected", values.at("application_id") == id}});
    }
  }
  return {{"v", v},
          {"kinds", Options(lit::kAllCaseKinds, values.at("kind"))},
          {"roles", Options(lit::kAllAgencyRoles, values.at("role"))},
          {"results", Options(lit::kAllCaseResults, values.at("result"))},
          {"applications", apps}};
}

std::map<std::string, std::string> EmptyValues(App& app) {
  lit::ReviewCase c;
  c.filed_on = app.platform().clock().Today();
  auto v = ValuesOf(c);
  return v;
}

int64_t AgencyParam(const Call& call) {
  int64_t id = 0;
  return ParseId(call.req.QueryParam("agency"), &id) ? id : call.user().agency_id;
}

Response ListPage(App& app, Call& call, int64_t agency_id,
                  const std::map<std::string, std::string>& values, const std::string& error,
                  int http_status) {
  const User& me = call.user();
  auto cases = app.platform().review_cases().List(call.actor, agency_id);
  if (!cases.ok()) return ErrorPage(app, call, cases.status());
  auto tree = app.platform().agencies().Tree(me.agency_id);
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  nlohmann::json units = nlohmann::json::array();
  std::string agency_name;
  for (const auto& node : *tree) {
    if (node.agency.id == agency_id) agency_name = node.agency.name;
    if (node.agency.level == AgencyLevel::kVillage) continue;
    units.push_back({{"id", node.agency.id},
                     {"name", node.agency.name},
                     {"selected", node.agency.id == agency_id}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const lit::ReviewCase& c : *cases) {
    rows.push_back(
        {{"url", "/admin/review-cases/" + std::to_string(c.id)},
         {"kind", std::string(lit::Label(c.kind))},
         {"co_defendant", c.role == lit::AgencyRole::kCoDefendantReviewOrgan},
         {"case_number", c.case_number},
         {"applicant", c.applicant},
         {"body", c.body},
         {"decision", c.decision},
         {"filed_on", c.filed_on.ToString()},
         {"result", std::string(lit::Label(c.result))},
         {"result_code", std::string(lit::Code(c.result))},
         {"result_on", c.result_on ? c.result_on->ToString() : ""},
         {"application_url",
          c.application_id ? "/admin/applications/" + std::to_string(c.application_id) : ""}});
  }
  nlohmann::json model = FormModel(app, call, agency_id, values);
  model["rows"] = rows;
  model["has_rows"] = !rows.empty();
  model["units"] = units;
  model["has_units"] = units.size() > 1;
  model["agency_id"] = agency_id;
  model["agency_name"] = agency_name;
  model["can_edit"] = RoleAllows(me.role, Permission::kHandleApplications);
  model["error"] = error;
  model["notice"] = call.req.QueryParam("done") == "created"   ? "已登记案件。"
                    : call.req.QueryParam("done") == "updated" ? "已保存。"
                                                               : "";
  model["action"] = "/admin/review-cases?agency=" + std::to_string(agency_id);
  model["editing"] = false;
  return RenderPage(app, call, "review_cases", model, "行政复议和行政诉讼", "applications",
                    http_status);
}

Response EditPage(App& app, Call& call, const lit::ReviewCase& c,
                  const std::map<std::string, std::string>& values, const std::string& error,
                  int http_status) {
  nlohmann::json model = FormModel(app, call, c.agency_id, values);
  model["editing"] = true;
  model["id"] = c.id;
  model["version"] = c.version;
  model["error"] = error;
  model["can_edit"] = RoleAllows(call.user().role, Permission::kHandleApplications);
  model["action"] = "/admin/review-cases/" + std::to_string(c.id);
  model["list_url"] = "/admin/review-cases?agency=" + std::to_string(c.agency_id);
  model["created"] = c.created_by + " · " + BeijingTime(c.created_at);
  model["updated"] = c.updated_by + " · " + BeijingTime(c.updated_at);
  model["notice"] = call.req.QueryParam("done") == "updated" ? "已保存。" : "";
  return RenderPage(
      app, call, "review_cases", model,
      std::string(lit::Label(c.kind)) + (c.case_number.empty() ? "" : "：" + c.case_number),
      "applications", http_status);
}

std::string ErrorList(const std::vector<std::string>& errors) {
  std::string s;
  for (const std::string& e : errors) s += (s.empty() ? "" : "；") + e;
  return s;
}

}  // namespace

Response ReviewCasesPage(App& app, Call& call) {
  auto values = EmptyValues(app);
  int64_t app_id = 0;
  // "登记复议诉讼" from a case page: the application and its answer filled in.
  if (ParseId(call.req.QueryParam("application"), &app_id)) {
    auto view = app.platform().applications().Get(call.actor, app_id);
    if (view.ok()) {
      values["application_id"] = std::to_string(app_id);
      values["applicant"] = view->app.applicant.name;
      if (view->app.closed_on && view->app.outcome) {
        values["decision"] = SerialText(view->app) + "申请的答复（" +
                             view->app.closed_on->ToString() + "，" +
                             std::string(application::Label(*view->app.outcome)) + "）";
      }
      return ListPage(app, call, view->app.agency_id, values, "", 200);
    }
  }
  return ListPage(app, call, AgencyParam(call), values, "", 200);
}

Response CreateReviewCase(App& app, Call& call) {
  const int64_t agency_id = AgencyParam(call);
  ReviewInput in = ParseReviewForm(call.form);
  if (!in.errors.empty())
    return ListPage(app, call, agency_id, in.values, ErrorList(in.errors), 422);
  in.c.agency_id = agency_id;
  auto id = app.platform().review_cases().Create(call.actor, in.c);
  if (!id.ok()) {
    const Status& st = id.status();
    return ListPage(app, call, agency_id, in.values, st.ui_message(),
                    st.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(st.code()));
  }
  return Response::Redirect("/admin/review-cases?agency=" + std::to_string(agency_id) +
                            "&done=created");
}

Response ReviewCasePage(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return ErrorPage(app, call, NotFound("bad review case id", "未找到该案件"));
  }
  auto c = app.platform().review_cases().Get(call.actor, id);
  if (!c.ok()) return ErrorPage(app, call, c.status());
  return EditPage(app, call, *c, ValuesOf(*c), "", 200);
}

Response UpdateReviewCase(App& app, Call& call) {
  int64_t id = 0, version = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return ErrorPage(app, call, NotFound("bad review case id", "未找到该案件"));
  }
  auto old = app.platform().review_cases().Get(call.actor, id);
  if (!old.ok()) return ErrorPage(app, call, old.status());
  ReviewInput in = ParseReviewForm(call.form);
  if (!ParseId(call.form.Get("version"), &version))
    in.errors.push_back("表单已失效，请刷新页面后重试");
  if (!in.errors.empty()) return EditPage(app, call, *old, in.values, ErrorList(in.errors), 422);
  in.c.id = id;
  in.c.agency_id = old->agency_id;
  in.c.version = version;
  Status st = app.platform().review_cases().Update(call.actor, in.c);
  if (!st.ok()) {
    std::string message = st.code() == StatusCode::kAborted
                              ? "该案件已被他人修改，本次修改未保存。您填写的内容仍保留在下方，请"
                                "刷新页面核对最新内容后再修改。"
                              : st.ui_message();
    lit::ReviewCase shown = *old;
    shown.version = version;  // the form keeps the version it was read at
    return EditPage(app, call, shown, in.values, message,
                    st.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(st.code()));
  }
  return Response::Redirect("/admin/review-cases/" + std::to_string(id) + "?done=updated");
}

}  // namespace gongkai::web::handlers
