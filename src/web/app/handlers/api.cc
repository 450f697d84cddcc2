// JSON API under /api/v1: health and agencies (public, read-only).
#include <spdlog/spdlog.h>

#include "io/report_json.h"
#include "render/report_document.h"
#include "service/json_views.h"
#include "web/app/handlers/handlers.h"

namespace gongkai::web::handlers {

bool ParseId(std::string_view text, int64_t* id) {
  if (text.empty() || text.size() > 15) return false;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *id = v;
  return v > 0;
}

Response ApiHealth(App& app, Call&) {
  auto m = app.platform().store().Migrations();
  if (!m.ok()) {
    // Details (hosts, errors) go to the log, not to the public.
    spdlog::error("health check: {}", m.status().ToString());
    Response r = Response::Json(
        nlohmann::json({{"status", "unavailable"}, {"database", app.platform().store().backend()}})
            .dump(),
        503);
    r.SetHeader("Retry-After", "5");
    return r;
  }
  nlohmann::json body = {{"status", "ok"},
                         {"database", app.platform().store().backend()},
                         {"schema_version", m->database_version},
                         {"version", GONGKAI_VERSION}};
  return Response::Json(body.dump());
}

Response ApiAgencies(App& app, Call&) {
  auto all = app.platform().agencies().List();
  if (!all.ok()) return JsonError(all.status());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& a : *all) list.push_back(service::ToJson(a));
  return Response::Json(nlohmann::json({{"agencies", list}}).dump());
}

Response ApiAgency(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return JsonError(InvalidArgument("agency id must be a positive integer", "单位编号应为正整数"));
  }
  auto a = app.platform().agencies().Get(id);
  if (!a.ok()) return JsonError(a.status());
  return Response::Json(service::ToJson(*a).dump());
}

Response ApiReports(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return JsonError(InvalidArgument("agency id must be a positive integer", "单位编号应为正整数"));
  }
  auto agency = app.platform().agencies().Get(id);
  if (!agency.ok()) return JsonError(agency.status());
  auto published = app.platform().reports().Published(id);
  if (!published.ok()) return JsonError(published.status());
  nlohmann::json list = nlohmann::json::array();
  for (const AnnualReport& r : *published) {
    list.push_back(
        {{"year", r.year},
         {"version", r.version},
         {"published_on", render::BeijingDay(r.published_at)},
         {"url", "/api/v1/agencies/" + std::to_string(id) + "/reports/" + std::to_string(r.year)}});
  }
  return Response::Json(nlohmann::json({{"reports", list}}).dump());
}

Response ApiReport(App& app, Call& call) {
  int64_t id = 0, year = 0;
  if (!ParseId(call.req.path_params["id"], &id) || !ParseId(call.req.path_params["year"], &year) ||
      year > 9999) {
    return JsonError(InvalidArgument("agency id and year must be positive integers",
                                     "单位编号和年度应为正整数"));
  }
  auto view = app.platform().reports().Current(service::Actor::Public(call.actor.ip), id,
                                               static_cast<int>(year));
  if (!view.ok()) return JsonError(view.status());
  std::vector<report::Violation> checks;
  for (const auto& c : view->checks) checks.push_back(c.violation);
  nlohmann::json body = nlohmann::json::parse(io::ReportToJson(view->data, &checks));
  nlohmann::json versions = nlohmann::json::array();
  for (const AnnualReport& v : view->versions) {
    versions.push_back({{"version", v.version},
                        {"status", Code(v.status)},
                        {"published_on", render::BeijingDay(v.published_at)},
                        {"correction_note", v.correction_note}});
  }
  nlohmann::json explanations = nlohmann::json::array();
  for (const auto& c : view->checks) {
    if (c.acceptance) {
      explanations.push_back({{"rule", c.violation.rule},
                              {"cells", c.violation.cells},
                              {"warning", c.violation.message_zh},
                              {"reason", c.acceptance->reason}});
    }
  }
  body["publication"] = {{"agency_id", id},
                         {"agency", view->agency.name},
                         {"title", view->title()},
                         {"version", view->record.version},
                         {"published_on", render::BeijingDay(view->record.published_at)},
                         {"versions", versions},
                         {"explanations", explanations}};
  return Response::Json(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace gongkai::web::handlers
