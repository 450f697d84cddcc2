// Annual reports in the back office: the list and the creation of a year's report, the report page
// (figures, narrative, every violation next to its cells), saving with the user's input kept when
// it cannot be saved, explaining warnings, submitting, the leader's return or approval,
// corrections, and downloads in every format.
#include <set>
#include <variant>

#include "core/report/narrative_draft.h"
#include "render/report_document.h"
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"
#include "web/app/report_form.h"

namespace gongkai::web::handlers {

namespace {

Result<int64_t> ReportId(Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id))
    return NotFound("bad report id", "未找到该年度报告");
  return id;
}

Result<int64_t> RowVersion(const Call& call) {
  int64_t v = 0;
  if (!ParseId(call.form.Get("row_version"), &v)) {
    return InvalidArgument("form row_version missing", "表单已失效，请刷新页面后重试");
  }
  return v;
}

std::string ReportUrl(int64_t id) { return "/admin/reports/" + std::to_string(id); }

Response Page(App& app, const Call& call, const service::ReportView& view, const ParsedForm* input,
              const std::string& error, const std::string& notice, int http_status = 200) {
  nlohmann::json model = ReportPageModel(view, call.user(), input);
  model["error"] = error;
  model["notice"] = notice;
  return RenderPage(app, call, "report", model, view.title(), "reports", http_status);
}

// After a refused action: the page again with the reason (and the user's input, for a save).
Response Refused(App& app, Call& call, int64_t id, const Status& st, const ParsedForm* input) {
  auto view = app.platform().reports().Get(call.actor, id);
  if (!view.ok()) return ErrorPage(app, call, st);
  std::string message = st.ui_message();
  if (st.code() == StatusCode::kAborted) {
    message =
        "保存失败：该年度报告已被他人修改。您填写的内容仍保留在下方，请复制后刷新页面，在最新版本上"
        "重新修改。";
  }
  return Page(app, call, *view, input, message, "", HttpStatusFor(st.code()));
}

const char* NoticeFor(std::string_view done) {
  if (done == "saved") return "已保存，并已重新检查。";
  if (done == "accepted") return "已保存说明。";
  if (done == "submitted") return "已送主管领导审批。";
  if (done == "returned") return "已退回修改。";
  if (done == "published") return "已审批并在门户网站发布。";
  if (done == "created") return "已新建年度报告。表二、表三、表四已按本单位记录生成。";
  if (done == "filled") return "已按记录重新生成表二、表三、表四，并已重新检查。";
  if (done == "correcting") return "已建立更正版本，修改后按流程送审发布。";
  if (done == "imported") {
    return "已将审核的文件保存为年度报告（来源：导入）。错误须由该单位改正、警告须书面说明后，方可"
           "送审发布。";
  }
  return "";
}

// A file name for downloads: "磁钟乡2023年政府信息公开工作年度报告（第2版）.pdf", RFC 5987-encoded.
std::string Disposition(const std::string& name) {
  return "attachment; filename=\"annual-report" + name.substr(name.rfind('.')) +
         "\"; filename*=UTF-8''" + PercentEncode(name);
}

}  // namespace

Response DownloadReport(App& app, const Call& call, const service::ReportView& view,
                        std::string_view format_name) {
  auto format = render::ParseOutputFormat(format_name);
  if (!format.ok()) return ErrorPage(app, call, format.status());
  render::ReportDocument doc = render::DocumentFor(view.record, view.data, view.agency,
                                                   view.title(), view.versions, view.unit_names);
  auto bytes = render::Render(doc, *format);
  if (!bytes.ok()) return ErrorPage(app, call, bytes.status());
  Response res;
  res.content_type = std::string(render::MimeType(*format));
  res.body = std::move(bytes).value();
  std::string name = view.title();
  if (view.record.version > 1) name += "（第" + std::to_string(view.record.version) + "版）";
  if (doc.draft) name += "（草稿）";
  res.SetHeader("Content-Disposition",
                Disposition(name + std::string(render::FileExtension(*format))));
  res.SetHeader("X-Content-Type-Options", "nosniff");
  return res;
}

Response ReportsPage(App& app, Call& call) {
  const User& user = call.user();
  auto tree = app.platform().agencies().Tree(user.agency_id);
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  int this_year = app.platform().clock().Today().year();
  nlohmann::json units = nlohmann::json::array();
  for (const auto& node : *tree) {
    // Villages report 村务公开 elsewhere; the annual report is for agencies.
    if (node.agency.level == AgencyLevel::kVillage) continue;
    auto lines = app.platform().reports().List(call.actor, node.agency.id);
    if (!lines.ok()) return ErrorPage(app, call, lines.status());
    nlohmann::json reports = nlohmann::json::array();
    std::set<int> years;
    for (const auto& line : *lines) {
      years.insert(line.record.year);
      reports.push_back(
          {{"url", ReportUrl(line.record.id)},
           {"year", line.record.year},
           {"version", line.record.version},
           {"status", Label(line.record.status)},
           {"status_code", Code(line.record.status)},
           {"origin", Label(line.record.origin)},
           {"errors", line.errors},
           {"warnings", line.warnings},
           {"has_errors", line.errors > 0},
           {"has_warnings", line.warnings > 0},
           {"published_at",
            line.record.published_at.empty() ? "" : BeijingTime(line.record.published_at)}});
    }
    nlohmann::json missing = nlohmann::json::array();
    // Last year's report first (the one due now), then older missing years, the current year last.
    for (int y = this_year - 1; y >= 2021; --y)
      if (!years.contains(y)) missing.push_back(y);
    if (!years.contains(this_year)) missing.push_back(this_year);
    units.push_back({{"id", node.agency.id},
                     {"name", node.agency.name},
                     {"depth", node.depth},
                     {"reports", reports},
                     {"has_reports", !reports.empty()},
                     {"missing_years", missing},
                     {"can_create", RoleAllows(user.role, Permission::kEditReport) &&
                                        node.agency.id == user.agency_id && !missing.empty()}});
  }
  nlohmann::json model = {{"units", units},
                          {"notice", NoticeFor(call.req.QueryParam("done"))},
                          {"can_audit", RoleAllows(user.role, Permission::kAuditReports)}};
  return RenderPage(app, call, "reports", model, "政府信息公开工作年度报告", "reports");
}

Response CreateReport(App& app, Call& call) {
  int64_t agency = call.user().agency_id;
  if (call.form.Has("agency_id") && !ParseId(call.form.Get("agency_id"), &agency)) {
    return ErrorPage(app, call, InvalidArgument("bad agency id", "单位编号无效"));
  }
  int64_t year = 0;
  if (!ParseId(call.form.Get("year"), &year) || year > 9999) {
    return ErrorPage(app, call, InvalidArgument("bad year", "请选择报告年度"));
  }
  auto id = app.platform().reports().Create(call.actor, agency, static_cast<int>(year));
  if (!id.ok()) return ErrorPage(app, call, id.status());
  return Response::Redirect(ReportUrl(*id) + "?done=created");
}

Response ReportPage(App& app, Call& call) {
  auto id = ReportId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto view = app.platform().reports().Get(call.actor, *id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  return Page(app, call, *view, nullptr, "", NoticeFor(call.req.QueryParam("done")));
}

namespace {

// The report a form was posted for, and the form read in its format; on failure, the response.
struct Posted {
  int64_t id = 0;
  service::ReportView view;
  ParsedForm form;
};
std::variant<Posted, Response> ReadPosted(App& app, Call& call) {
  auto id = ReportId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto view = app.platform().reports().Get(call.actor, *id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  const report::FormatDef* format = report::FormatById(view->record.format_id);
  if (!format) return ErrorPage(app, call, FailedPrecondition("unknown format", "报告格式未知"));
  Posted p{*id, std::move(view).value(), ParseReportForm(*format, call.form)};
  p.form.data.year = p.view.record.year;
  if (!p.form.errors.empty()) {
    std::string message =
        "有 " + std::to_string(p.form.errors.size()) + " 处填写有误，均未保存，请按提示改正：";
    return Page(app, call, p.view, &p.form, message, "", 422);
  }
  return p;
}

}  // namespace

Response SaveReport(App& app, Call& call) {
  auto read = ReadPosted(app, call);
  if (auto* r = std::get_if<Response>(&read)) return std::move(*r);
  Posted& posted = std::get<Posted>(read);
  const int64_t* id = &posted.id;
  ParsedForm& parsed = posted.form;
  auto version = RowVersion(call);
  Status st = version.status();
  if (st.ok()) st = app.platform().reports().Save(call.actor, *id, *version, parsed.data);
  if (!st.ok()) return Refused(app, call, *id, st, &parsed);
  return Response::Redirect(ReportUrl(*id) + "?done=saved");
}

Response AcceptReportWarning(App& app, Call& call) {
  auto id = ReportId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto version = RowVersion(call);
  Status st = version.status();
  if (st.ok()) {
    st = app.platform().reports().AcceptWarning(call.actor, *id, *version,
                                                std::string(call.form.Get("fingerprint")),
                                                std::string(call.form.Get("reason")));
  }
  if (!st.ok()) return Refused(app, call, *id, st, nullptr);
  return Response::Redirect(ReportUrl(*id) + "?done=accepted");
}

Response ReportAction(App& app, Call& call) {
  auto id = ReportId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  std::string action = call.req.path_params["action"];
  auto version = RowVersion(call);
  Status st = version.status();
  std::string done;
  int64_t go_to = *id;
  auto& reports = app.platform().reports();
  if (st.ok()) {
    if (action == "submit" && call.form.Has(CellField("t3.new.total"))) {
      // Sent from the report form: what is on the page is saved first, so nothing typed is lost.
      auto read = ReadPosted(app, call);
      if (auto* r = std::get_if<Response>(&read)) return std::move(*r);
      st = reports.Save(call.actor, *id, *version, std::get<Posted>(read).form.data);
      if (!st.ok()) return Refused(app, call, *id, st, &std::get<Posted>(read).form);
      st = reports.Submit(call.actor, *id, *version + 1);
      done = "submitted";
    } else if (action == "submit") {
      st = reports.Submit(call.actor, *id, *version);
      done = "submitted";
    } else if (action == "return") {
      st = reports.Return(call.actor, *id, *version, std::string(call.form.Get("comment")));
      done = "returned";
    } else if (action == "publish") {
      st = reports.Publish(call.actor, *id, *version);
      done = "published";
    } else if (action == "fill_records") {
      st = reports.FillFromRecords(call.actor, *id, *version);
      done = "filled";
    } else if (action == "correct") {
      auto next = reports.StartCorrection(call.actor, *id, std::string(call.form.Get("note")));
      st = next.status();
      if (next.ok()) go_to = *next;
      done = "correcting";
    } else {
      return ErrorPage(app, call, NotFound("unknown action " + action, "未知操作"));
    }
  }
  if (!st.ok()) return Refused(app, call, *id, st, nullptr);
  return Response::Redirect(ReportUrl(go_to) + "?done=" + done);
}

Response DraftReportNarrative(App& app, Call& call) {
  // Fills sections 一 and 六 from the figures as they are on the page (saved or not) and shows the
  // page again for the clerk to edit; nothing is saved until they press 保存并检查.
  auto read = ReadPosted(app, call);
  if (auto* r = std::get_if<Response>(&read)) return std::move(*r);
  Posted& posted = std::get<Posted>(read);
  const service::ReportView* view = &posted.view;
  ParsedForm& parsed = posted.form;
  auto facts = app.platform().reports().NarrativeFactsFromRecords(call.actor, view->record.id);
  if (!facts.ok()) return ErrorPage(app, call, facts.status());
  for (auto& [numeral, text] : report::DraftNarrative(parsed.data, *facts)) {
    parsed.data.narrative[numeral] = text;
  }
  return Page(app, call, *view, &parsed, "",
              "已根据表格数据生成第一、六部分初稿（尚未保存）。请核对、补充方括号中的内容后点击“保"
              "存并检查”。");
}

Response StaffReportDownload(App& app, Call& call) {
  auto id = ReportId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto view = app.platform().reports().Get(call.actor, *id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  return DownloadReport(app, call, *view, call.req.path_params["format"]);
}

}  // namespace gongkai::web::handlers
