// Published annual reports on the portal: the report in the official layout, its versions with
// their correction notes (a correction never replaces a report silently), the explanations of
// warnings, and downloads in every format.
#include "core/report/format.h"
#include "render/formats.h"
#include "render/report_document.h"
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

namespace {

// The version asked for (?version=N), else the newest published one.
Result<service::ReportView> PublicView(App& app, Call& call) {
  int64_t agency = 0, year = 0, version = 0;
  if (!ParseId(call.req.path_params["id"], &agency) ||
      !ParseId(call.req.path_params["year"], &year) || year > 9999) {
    return NotFound("bad agency or year", "未找到该年度报告");
  }
  service::Actor reader = service::Actor::Public(call.actor.ip);
  GK_ASSIGN_OR_RETURN(service::ReportView view,
                      app.platform().reports().Current(reader, agency, static_cast<int>(year)));
  std::string_view asked = call.req.QueryParam("version");
  if (asked.empty()) return view;
  if (!ParseId(asked, &version)) return NotFound("bad version", "未找到该版本");
  for (const AnnualReport& v : view.versions) {
    if (v.version == version) return app.platform().reports().Get(reader, v.id);
  }
  return NotFound("no such version", "未找到该版本");
}

}  // namespace

Response PortalReport(App& app, Call& call) {
  auto view = PublicView(app, call);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  const service::ReportView& v = *view;
  std::string base =
      "/agencies/" + std::to_string(v.agency.id) + "/reports/" + std::to_string(v.record.year);
  std::string version_query = "?version=" + std::to_string(v.record.version);
  render::ReportDocument doc =
      render::DocumentFor(v.record, v.data, v.agency, v.title(), v.versions);
  nlohmann::json versions = nlohmann::json::array();
  for (const AnnualReport& x : v.versions) {
    versions.push_back({{"version", x.version},
                        {"url", base + "?version=" + std::to_string(x.version)},
                        {"status", Label(x.status)},
                        {"published_on", render::BeijingDay(x.published_at)},
                        {"correction_note", x.correction_note},
                        {"current", x.id == v.record.id}});
  }
  nlohmann::json downloads = nlohmann::json::array();
  for (auto [fmt, label] : {std::pair{"pdf", "PDF"},
                            {"docx", "Word（DOCX）"},
                            {"xlsx", "Excel（XLSX）"},
                            {"json", "JSON 数据"}}) {
    downloads.push_back({{"url", base + "/download/" + fmt + version_query}, {"label", label}});
  }
  nlohmann::json explanations = nlohmann::json::array();
  for (const auto& c : v.checks) {
    if (!c.acceptance) continue;
    explanations.push_back({{"rule", c.violation.rule},
                            {"message", c.violation.message_zh},
                            {"reason", c.acceptance->reason}});
  }
  bool superseded = v.record.status == ReportStatus::kSuperseded;
  nlohmann::json model = {{"own_heading", true},
                          {"title", v.title()},
                          {"agency_name", v.agency.name},
                          {"agency_url", "/agencies/" + std::to_string(v.agency.id)},
                          {"article", render::RenderHtmlArticle(doc)},
                          {"published_on", doc.published_on},
                          {"version", v.record.version},
                          {"superseded", superseded},
                          {"latest_url", base},
                          {"versions", versions},
                          {"has_versions", versions.size() > 1},
                          {"downloads", downloads},
                          {"explanations", explanations},
                          {"has_explanations", !explanations.empty()}};
  return RenderPage(app, call, "portal_report", model, v.title(), "portal");
}

Response ReportStylesheet(App&, Call&) {
  // The same for every report; drafts are never shown on the portal.
  static const std::string kCss = [] {
    render::ReportDocument doc;
    doc.data.year = report::Format2021().first_year;
    doc.data.format_id = report::Format2021().id;
    return render::HtmlStylesheet(doc);
  }();
  Response res;
  res.content_type = "text/css; charset=utf-8";
  res.body = kCss;
  res.SetHeader("Cache-Control", "public, max-age=3600");
  return res;
}

Response PortalReportDownload(App& app, Call& call) {
  auto view = PublicView(app, call);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  return DownloadReport(app, call, *view, call.req.path_params["format"]);
}

}  // namespace gongkai::web::handlers
