// JSON API under /api/v1: health and agencies (public, read-only).
#include <spdlog/spdlog.h>

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

}  // namespace gongkai::web::handlers
