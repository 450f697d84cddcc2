// Region summaries in the back office: a supervisor (or any staff member, within their scope) picks
// a year and the units below, and sees the cell-by-cell sum of their reports in the official
// layout, marked as a summary, with downloads. Summaries are computed, never stored.
#include <set>

#include "render/report_document.h"
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

Response ReportSummaryPage(App& app, Call& call) {
  auto query = ParseUrlEncoded(call.req.query);
  if (!query.ok()) return ErrorPage(app, call, query.status());
  const User& user = call.user();
  int this_year = app.platform().clock().Today().year();
  int64_t year = this_year - 1;
  if (query->Has("year") && (!ParseId(query->Get("year"), &year) || year > 9999)) {
    return ErrorPage(app, call, InvalidArgument("bad year", "报告年度无效"));
  }
  std::set<int64_t> chosen;
  for (const std::string& u : query->GetAll("unit")) {
    int64_t id = 0;
    if (!ParseId(u, &id)) return ErrorPage(app, call, InvalidArgument("bad unit", "汇总单位无效"));
    chosen.insert(id);
  }
  bool include_unpublished = query->Get("include") == "1";

  auto tree = app.platform().agencies().Tree(user.agency_id);
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  nlohmann::json units = nlohmann::json::array();
  for (const auto& node : *tree) {
    if (node.depth == 0 || node.agency.level == AgencyLevel::kVillage) continue;
    units.push_back({{"id", node.agency.id},
                     {"name", node.agency.name},
                     {"depth", node.depth},
                     {"checked", chosen.contains(node.agency.id)}});
  }
  nlohmann::json years = nlohmann::json::array();
  for (int y = this_year; y >= 2019; --y) years.push_back({{"year", y}, {"selected", y == year}});
  nlohmann::json model = {{"units", units},
                          {"years", years},
                          {"include", include_unpublished},
                          {"asked", !chosen.empty()}};
  if (chosen.empty() && query->Has("year")) model["error"] = "请至少选择一个要汇总的单位。";
  if (!chosen.empty()) {
    auto view =
        app.platform().reports().Summarise(call.actor, user.agency_id, static_cast<int>(year),
                                           {chosen.begin(), chosen.end()}, include_unpublished);
    if (!view.ok()) {
      model["error"] = view.status().ui_message();
    } else {
      if (query->Has("format")) return DownloadReport(app, call, *view, query->Get("format"));
      render::ReportDocument doc = render::DocumentFor(view->record, view->data, view->agency,
                                                       view->title(), {}, view->unit_names);
      model["article"] = render::RenderHtmlArticle(doc);
      nlohmann::json downloads = nlohmann::json::array();
      for (const char* fmt : {"pdf", "docx", "xlsx", "json"}) {
        downloads.push_back(
            {{"format", fmt},
             {"url", "/admin/reports/summary?" + call.req.query + "&format=" + fmt}});
      }
      model["downloads"] = downloads;
    }
  }
  return RenderPage(app, call, "report_summary", model, "年度报告汇总", "reports");
}

}  // namespace gongkai::web::handlers
