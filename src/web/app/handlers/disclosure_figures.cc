// Table 二's records in the back office: the register of rules and normative documents (list with
// filters, a form to record one, a document's page to edit or repeal it), and the yearly decision
// and fee figures (a year's form, and a CSV import whose every bad line is listed). The work is
// DisclosureFiguresService's; these only translate.
#include <map>

#include "core/disclosure/decision_figures.h"
#include "core/disclosure/normative_document.h"
#include "core/report/cell_parse.h"
#include "io/csv.h"
#include "io/report_text.h"
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

namespace dis = disclosure;

namespace {

using Values = std::map<std::string, std::string>;

constexpr const char* kDocumentFields[] = {"kind",    "title",       "number",
                                           "made_on", "repealed_on", "note"};

int64_t AgencyParam(const Call& call) {
  int64_t id = 0;
  return ParseId(call.req.QueryParam("agency"), &id) ? id : call.user().agency_id;
}

bool MayEdit(const Call& call) {
  return RoleAllows(call.user().role, Permission::kEditDisclosureFigures);
}

std::string ErrorList(const std::vector<std::string>& errors) {
  std::string s;
  for (const std::string& e : errors) s += (s.empty() ? "" : "；") + e;
  return s;
}

int StatusFor(const Status& st) {
  return st.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(st.code());
}

// The units the user may pick (their subtree, villages aside) and the chosen one's name.
nlohmann::json UnitsModel(App& app, const Call& call, int64_t agency_id, std::string* name) {
  nlohmann::json units = nlohmann::json::array();
  auto tree = app.platform().agencies().Tree(call.user().agency_id);
  if (!tree.ok()) return units;
  for (const auto& node : *tree) {
    if (node.agency.id == agency_id) *name = node.agency.name;
    if (node.agency.level == AgencyLevel::kVillage && node.agency.id != agency_id) continue;
    units.push_back({{"id", node.agency.id},
                     {"name", node.agency.name},
                     {"selected", node.agency.id == agency_id}});
  }
  return units;
}

nlohmann::json Tabs(int64_t agency_id, const std::string& current) {
  std::string q = "?agency=" + std::to_string(agency_id);
  return nlohmann::json::array({{{"url", "/admin/normative" + q},
                                 {"label", "规章和规范性文件"},
                                 {"current", current == "normative"}},
                                {{"url", "/admin/figures" + q},
                                 {"label", "年度决定和收费数据"},
                                 {"current", current == "figures"}}});
}

// What both tabs' pages start with: the unit picker, the tabs, the agency and the rows.
nlohmann::json TabPageModel(App& app, const Call& call, int64_t agency_id, const std::string& tab,
                            nlohmann::json rows) {
  std::string agency_name;
  nlohmann::json model;
  model["units"] = UnitsModel(app, call, agency_id, &agency_name);
  model["has_units"] = model["units"].size() > 1;
  model["tabs"] = Tabs(agency_id, tab);
  model["agency_id"] = agency_id;
  model["agency_name"] = agency_name;
  model["has_rows"] = !rows.empty();
  model["rows"] = std::move(rows);
  return model;
}

// --- Normative documents -------------------------------------------------------------------

struct DocumentInput {
  dis::NormativeDocument d;
  Values values;
  std::vector<std::string> errors;
};

DocumentInput ParseDocumentForm(const FormFields& form) {
  DocumentInput in;
  for (const char* f : kDocumentFields) in.values[f] = form.Get(f);
  auto& v = in.values;
  if (auto k = dis::ParseDocumentKind(v["kind"])) {
    in.d.kind = *k;
  } else {
    in.errors.push_back("请选择文件类别（规章或行政规范性文件）");
  }
  if (auto d = Date::Parse(v["made_on"]); d.ok()) {
    in.d.made_on = *d;
  } else {
    in.errors.push_back(v["made_on"].empty() ? "请填写制发日期" : "制发日期格式应为“2025-01-31”");
  }
  if (!v["repealed_on"].empty()) {
    if (auto d = Date::Parse(v["repealed_on"]); d.ok()) {
      in.d.repealed_on = *d;
    } else {
      in.errors.push_back("废止日期格式应为“2025-01-31”");
    }
  }
  in.d.title = v["title"];
  in.d.number = v["number"];
  in.d.note = v["note"];
  if (TrimAscii(in.d.title).empty()) in.errors.push_back("请填写文件标题");
  if (TrimAscii(in.d.number).empty()) in.errors.push_back("请填写发文字号");
  return in;
}

Values ValuesOf(const dis::NormativeDocument& d) {
  return {{"kind", std::string(dis::Code(d.kind))},
          {"title", d.title},
          {"number", d.number},
          {"made_on", d.made_on.ToString()},
          {"repealed_on", d.repealed_on ? d.repealed_on->ToString() : ""},
          {"note", d.note}};
}

nlohmann::json KindOptions(const std::string& selected, bool with_all) {
  nlohmann::json list = nlohmann::json::array();
  if (with_all) list.push_back({{"code", ""}, {"label", "全部"}, {"selected", selected.empty()}});
  for (dis::DocumentKind k : dis::kAllDocumentKinds) {
    list.push_back({{"code", std::string(dis::Code(k))},
                    {"label", std::string(dis::Label(k))},
                    {"selected", dis::Code(k) == selected}});
  }
  return list;
}

Response DocumentsPage(App& app, Call& call, int64_t agency_id, const Values& values,
                       const std::string& error, int http_status) {
  dis::DocumentFilter filter;
  const std::string kind = call.req.QueryParam("kind"), state = call.req.QueryParam("state"),
                    year = call.req.QueryParam("year");
  filter.kind = dis::ParseDocumentKind(kind);
  if (state == "in_force") filter.in_force = true;
  if (state == "repealed") filter.in_force = false;
  int64_t y = 0;
  if (ParseId(year, &y) && y < 10000) filter.year = static_cast<int>(y);
  auto docs = app.platform().disclosure_figures().ListDocuments(call.actor, agency_id, filter);
  if (!docs.ok()) return ErrorPage(app, call, docs.status());
  const Date today = app.platform().clock().Today();
  nlohmann::json rows = nlohmann::json::array();
  for (const dis::NormativeDocument& d : *docs) {
    rows.push_back({{"url", "/admin/normative/" + std::to_string(d.id)},
                    {"kind", std::string(dis::Label(d.kind))},
                    {"title", d.title},
                    {"number", d.number},
                    {"made_on", d.made_on.ToString()},
                    {"repealed_on", d.repealed_on ? d.repealed_on->ToString() : ""},
                    {"in_force", d.InForceOn(today)}});
  }
  nlohmann::json model = TabPageModel(app, call, agency_id, "normative", rows);
  model["filter_kinds"] = KindOptions(kind, true);
  model["filter_states"] = nlohmann::json::array(
      {{{"code", ""}, {"label", "全部"}, {"selected", state.empty()}},
       {{"code", "in_force"}, {"label", "现行有效"}, {"selected", state == "in_force"}},
       {{"code", "repealed"}, {"label", "已废止"}, {"selected", state == "repealed"}}});
  model["filter_year"] = filter.year ? std::to_string(*filter.year) : "";
  model["v"] = values;
  model["kinds"] = KindOptions(values.at("kind"), false);
  model["can_edit"] = MayEdit(call);
  model["editing"] = false;
  model["error"] = error;
  model["notice"] = call.req.QueryParam("done") == "created" ? "已登记文件。" : "";
  model["action"] = "/admin/normative?agency=" + std::to_string(agency_id);
  return RenderPage(app, call, "normative_documents", model, "规章和行政规范性文件", "disclosure",
                    http_status);
}

Response DocumentPage(App& app, Call& call, const dis::NormativeDocument& d, const Values& values,
                      const std::string& error, int http_status) {
  nlohmann::json model;
  model["editing"] = true;
  model["id"] = d.id;
  model["version"] = d.version;
  model["v"] = values;
  model["kinds"] = KindOptions(values.at("kind"), false);
  model["can_edit"] = MayEdit(call);
  model["can_repeal"] = MayEdit(call) && !d.repealed_on;
  model["repealed"] = d.repealed_on ? d.repealed_on->ToString() : "";
  model["today"] = app.platform().clock().Today().ToString();
  model["error"] = error;
  model["action"] = "/admin/normative/" + std::to_string(d.id);
  model["list_url"] = "/admin/normative?agency=" + std::to_string(d.agency_id);
  model["created"] = d.created_by + " · " + BeijingTime(d.created_at);
  model["updated"] = d.updated_by + " · " + BeijingTime(d.updated_at);
  const std::string done = call.req.QueryParam("done");
  model["notice"] = done == "updated" ? "已保存。" : done == "repealed" ? "已登记废止。" : "";
  return RenderPage(app, call, "normative_documents", model, d.title, "disclosure", http_status);
}

Values EmptyDocumentValues(App& app) {
  dis::NormativeDocument d;
  d.made_on = app.platform().clock().Today();
  Values v = ValuesOf(d);
  v["made_on"] = "";
  return v;
}

Result<int64_t> PathId(Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) return NotFound("bad document id", "未找到该文件");
  return id;
}

// --- Decision figures ----------------------------------------------------------------------

struct FiguresInput {
  dis::DecisionFigures f;
  Values values;
  std::vector<std::string> errors;
};

constexpr const char* kFigureFields[] = {"licensing", "penalty", "coercion", "fee"};

FiguresInput ParseFiguresForm(const FormFields& form) {
  FiguresInput in;
  in.values["year"] = form.Get("year");
  for (const char* f : kFigureFields) in.values[f] = form.Get(f);
  int64_t year = 0;
  if (!report::ParseCount(TrimAscii(in.values["year"]), &year) || year > 9999) {
    in.errors.push_back("请填写年度（如 2025）");
  }
  in.f.year = static_cast<int>(year);
  const std::pair<const char*, int64_t*> counts[] = {
      {"licensing", &in.f.licensing}, {"penalty", &in.f.penalty}, {"coercion", &in.f.coercion}};
  const char* labels[] = {"行政许可", "行政处罚", "行政强制"};
  for (size_t i = 0; i < 3; ++i) {
    std::string s = report::AsciiDigits(TrimAscii(in.values[counts[i].first]));
    if (s.empty()) s = "0";
    if (!report::ParseCount(s, counts[i].second)) {
      in.errors.push_back(std::string(labels[i]) + "决定数量应为不小于0的整数");
    }
  }
  std::string fee = report::AsciiDigits(TrimAscii(in.values["fee"]));
  if (fee.empty()) fee = "0";
  if (!report::ParseWanYuan(fee, &in.f.fee_fen)) {
    in.errors.push_back("行政事业性收费金额应为不小于0的金额（万元，最多四位小数）");
  }
  return in;
}

Values FigureValues(const dis::DecisionFigures& f) {
  return {{"year", std::to_string(f.year)},
          {"licensing", std::to_string(f.licensing)},
          {"penalty", std::to_string(f.penalty)},
          {"coercion", std::to_string(f.coercion)},
          {"fee", io::FenToWanYuan(f.fee_fen)}};
}

struct ImportState {
  std::string csv;                        // the text to show again in the paste box
  std::vector<dis::CsvProblem> problems;  // what was wrong with it
  std::string error;
};

Response FiguresPage(App& app, Call& call, int64_t agency_id, int year, const Values* values,
                     int64_t version, const std::string& error, const ImportState& import,
                     int http_status) {
  auto& svc = app.platform().disclosure_figures();
  auto all = svc.ListFigures(call.actor, agency_id);
  if (!all.ok()) return ErrorPage(app, call, all.status());
  nlohmann::json rows = nlohmann::json::array();
  std::optional<dis::DecisionFigures> shown;
  for (const dis::DecisionFigures& f : *all) {
    if (f.year == year) shown = f;
    rows.push_back({{"year", f.year},
                    {"url", "/admin/figures?agency=" + std::to_string(agency_id) +
                                "&year=" + std::to_string(f.year)},
                    {"licensing", f.licensing},
                    {"penalty", f.penalty},
                    {"coercion", f.coercion},
                    {"fee", io::FenToWanYuan(f.fee_fen)},
                    {"updated", f.updated_by + " · " + BeijingTime(f.updated_at)},
                    {"current", f.year == year}});
  }
  Values v;
  if (values) {
    v = *values;
  } else if (shown) {
    v = FigureValues(*shown);
    version = shown->version;
  } else {
    v = {{"year", std::to_string(year)},
         {"licensing", ""},
         {"penalty", ""},
         {"coercion", ""},
         {"fee", ""}};
    version = 0;
  }
  nlohmann::json model = TabPageModel(app, call, agency_id, "figures", rows);
  model["year"] = year;
  model["entered"] = shown.has_value();
  model["v"] = v;
  model["version"] = version;
  model["can_edit"] = MayEdit(call);
  model["error"] = error;
  model["action"] = "/admin/figures?agency=" + std::to_string(agency_id);
  model["import_action"] = "/admin/figures/import?agency=" + std::to_string(agency_id);
  model["csv_header"] = dis::FiguresCsvHeader();
  model["csv_example"] =
      model["agency_name"].get<std::string>() + "," + std::to_string(year) + ",12,3,0,1.2345";
  model["csv"] = import.csv;
  model["import_error"] = import.error;
  nlohmann::json problems = nlohmann::json::array();
  for (const dis::CsvProblem& p : import.problems) {
    problems.push_back({{"line", p.line}, {"message", p.message_zh}});
  }
  model["problems"] = problems;
  model["has_problems"] = !problems.empty();
  const std::string done = call.req.QueryParam("done");
  model["notice"] = done == "saved"      ? "已保存。"
                    : done == "imported" ? "已导入 " + call.req.QueryParam("rows") + " 行数据。"
                                         : "";
  return RenderPage(app, call, "decision_figures", model, "年度决定和收费数据", "disclosure",
                    http_status);
}

int YearParam(App& app, const Call& call) {
  int64_t y = 0;
  if (ParseId(call.req.QueryParam("year"), &y) && y >= dis::kFirstFiguresYear && y <= 9999)
    return static_cast<int>(y);
  return app.platform().clock().Today().year() - 1;  // the year being reported on
}

}  // namespace

Response NormativeDocumentsPage(App& app, Call& call) {
  return DocumentsPage(app, call, AgencyParam(call), EmptyDocumentValues(app), "", 200);
}

Response CreateNormativeDocument(App& app, Call& call) {
  const int64_t agency_id = AgencyParam(call);
  DocumentInput in = ParseDocumentForm(call.form);
  if (!in.errors.empty()) {
    app.platform().disclosure_figures().RecordRefusedForm(
        call.actor, "normative_document.create", "agency:" + std::to_string(agency_id), in.errors);
    return DocumentsPage(app, call, agency_id, in.values, ErrorList(in.errors), 422);
  }
  in.d.agency_id = agency_id;
  auto id = app.platform().disclosure_figures().CreateDocument(call.actor, in.d);
  if (!id.ok()) {
    return DocumentsPage(app, call, agency_id, in.values, id.status().ui_message(),
                         StatusFor(id.status()));
  }
  return Response::Redirect("/admin/normative?agency=" + std::to_string(agency_id) +
                            "&done=created");
}

Response NormativeDocumentPage(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto d = app.platform().disclosure_figures().GetDocument(call.actor, *id);
  if (!d.ok()) return ErrorPage(app, call, d.status());
  return DocumentPage(app, call, *d, ValuesOf(*d), "", 200);
}

Response UpdateNormativeDocument(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto old = app.platform().disclosure_figures().GetDocument(call.actor, *id);
  if (!old.ok()) return ErrorPage(app, call, old.status());
  DocumentInput in = ParseDocumentForm(call.form);
  int64_t version = 0;
  if (!ParseId(call.form.Get("version"), &version))
    in.errors.push_back("表单已失效，请刷新页面后重试");
  if (!in.errors.empty()) {
    app.platform().disclosure_figures().RecordRefusedForm(
        call.actor, "normative_document.update", "normative_document:" + std::to_string(*id),
        in.errors);
    return DocumentPage(app, call, *old, in.values, ErrorList(in.errors), 422);
  }
  in.d.id = *id;
  in.d.version = version;
  Status st = app.platform().disclosure_figures().UpdateDocument(call.actor, in.d);
  if (!st.ok()) {
    std::string message = st.code() == StatusCode::kAborted
                              ? "该文件已被他人修改，本次修改未保存。您填写的内容仍保留在下方，请"
                                "刷新页面核对最新内容后再修改。"
                              : st.ui_message();
    dis::NormativeDocument shown = *old;
    shown.version = version;  // the form keeps the version it was read at
    return DocumentPage(app, call, shown, in.values, message, StatusFor(st));
  }
  return Response::Redirect("/admin/normative/" + std::to_string(*id) + "?done=updated");
}

Response RepealNormativeDocument(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto old = app.platform().disclosure_figures().GetDocument(call.actor, *id);
  if (!old.ok()) return ErrorPage(app, call, old.status());
  int64_t version = 0;
  auto date = Date::Parse(call.form.Get("repealed_on"));
  Status st;
  if (!ParseId(call.form.Get("version"), &version)) {
    st = InvalidArgument("stale form", "表单已失效，请刷新页面后重试");
  } else if (!date.ok()) {
    st = InvalidArgument("repealed_on: not a date", call.form.Get("repealed_on").empty()
                                                        ? "请填写废止日期"
                                                        : "废止日期格式应为“2025-01-31”");
  } else {
    st = app.platform().disclosure_figures().RepealDocument(call.actor, *id, version, *date);
  }
  if (!st.ok() && (version == 0 || !date.ok())) {  // refused here, not by the service
    app.platform().disclosure_figures().RecordRefusedForm(
        call.actor, "normative_document.repeal", "normative_document:" + std::to_string(*id),
        {st.message()});
  }
  if (!st.ok())
    return DocumentPage(app, call, *old, ValuesOf(*old), st.ui_message(), StatusFor(st));
  return Response::Redirect("/admin/normative/" + std::to_string(*id) + "?done=repealed");
}

Response DecisionFiguresPage(App& app, Call& call) {
  return FiguresPage(app, call, AgencyParam(call), YearParam(app, call), nullptr, 0, "", {}, 200);
}

Response SaveDecisionFigures(App& app, Call& call) {
  const int64_t agency_id = AgencyParam(call);
  FiguresInput in = ParseFiguresForm(call.form);
  int64_t version = 0;
  const std::string version_text = call.form.Get("version");
  if (version_text != "0" && !ParseId(version_text, &version))
    in.errors.push_back("表单已失效，请刷新页面后重试");
  const int year = in.f.year >= dis::kFirstFiguresYear ? in.f.year : YearParam(app, call);
  if (!in.errors.empty()) {
    app.platform().disclosure_figures().RecordRefusedForm(
        call.actor, "decision_figures.save", "agency:" + std::to_string(agency_id), in.errors);
    return FiguresPage(app, call, agency_id, year, &in.values, version, ErrorList(in.errors), {},
                       422);
  }
  in.f.agency_id = agency_id;
  in.f.version = version;
  Status st = app.platform().disclosure_figures().SaveFigures(call.actor, in.f);
  if (!st.ok()) {
    std::string message = st.code() == StatusCode::kAborted
                              ? st.ui_message() + "。您填写的内容仍保留在下方。"
                              : st.ui_message();
    return FiguresPage(app, call, agency_id, year, &in.values, version, message, {}, StatusFor(st));
  }
  return Response::Redirect("/admin/figures?agency=" + std::to_string(agency_id) +
                            "&year=" + std::to_string(in.f.year) + "&done=saved");
}

Response ImportDecisionFigures(App& app, Call& call) {
  const int64_t agency_id = AgencyParam(call);
  ImportState state;
  // An uploaded file, or text pasted (or corrected) in the box.
  state.csv = !call.files.empty() ? std::move(call.files.front().data) : call.form.Get("csv");
  call.files.clear();
  service::FiguresImport result;
  if (TrimAscii(state.csv).empty()) {
    result.status = InvalidArgument("no CSV given", "请选择CSV文件或在下方粘贴CSV内容");
  } else {
    result = app.platform().disclosure_figures().ImportCsv(call.actor, state.csv);
  }
  if (!result.status.ok()) {
    state.error = result.status.ui_message();
    state.problems = std::move(result.problems);
    if (state.csv.starts_with(io::kUtf8Bom)) state.csv.erase(0, 3);
    if (!IsValidUtf8(state.csv)) state.csv.clear();  // not text we can show again
    return FiguresPage(app, call, agency_id, YearParam(app, call), nullptr, 0, "", state,
                       StatusFor(result.status));
  }
  return Response::Redirect(
      "/admin/figures?agency=" + std::to_string(agency_id) +
      "&done=imported&rows=" + std::to_string(result.created + result.updated));
}

}  // namespace gongkai::web::handlers
