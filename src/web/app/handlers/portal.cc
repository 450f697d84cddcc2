// Public portal pages: the home page with the agency tree, and an agency's page.
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

Response PortalHome(App& app, Call& call) {
  auto tree = app.platform().agencies().Tree();
  if (!tree.ok()) return ErrorPage(app, call, tree.status());
  nlohmann::json model = {{"agencies", TreeModel(*tree)}, {"count", std::to_string(tree->size())}};
  return RenderPage(app, call, "home", model, "门户首页", "portal");
}

Response AgencyPage(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return ErrorPage(app, call, NotFound("bad agency id", "未找到该单位"));
  }
  auto path = app.platform().agencies().Path(id);
  if (!path.ok()) return ErrorPage(app, call, path.status());
  auto subtree = app.platform().agencies().Tree(id);
  if (!subtree.ok()) return ErrorPage(app, call, subtree.status());
  nlohmann::json children = nlohmann::json::array();
  for (const auto& n : *subtree) {
    if (n.depth == 1) children.push_back(AgencyModel(n.agency));
  }
  nlohmann::json crumbs = nlohmann::json::array();
  for (const auto& a : *path) crumbs.push_back(AgencyModel(a));
  crumbs.back()["is_last"] = true;
  const Agency& agency = path->back();
  auto published = app.platform().reports().Published(id);
  if (!published.ok()) return ErrorPage(app, call, published.status());
  nlohmann::json reports = nlohmann::json::array();
  for (const AnnualReport& r : *published) {
    reports.push_back(
        {{"year", r.year},
         {"url", "/agencies/" + std::to_string(id) + "/reports/" + std::to_string(r.year)},
         {"corrected", r.version > 1}});
  }
  nlohmann::json model = {
      {"agency", AgencyModel(agency)}, {"reports", reports},   {"has_reports", !reports.empty()},
      {"breadcrumbs", crumbs},         {"children", children}, {"has_children", !children.empty()}};
  // Village committees do not receive disclosure applications (they are not agencies under the
  // 条例); every other unit offers the Art. 29 form.
  model["apply_url"] =
      agency.level == AgencyLevel::kVillage ? "" : "/agencies/" + std::to_string(id) + "/apply";
  return RenderPage(app, call, "agency", model, agency.name, "portal");
}

}  // namespace gongkai::web::handlers
