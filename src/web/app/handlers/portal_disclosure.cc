// The public disclosure column of an agency (政府信息公开: guide, rules, statutory content by
// catalogue item, annual reports), its Atom and LED feeds, and the portal's full-text search.
#include <charconv>

#include "core/publication/catalogue.h"
#include "core/publication/led_feed.h"
#include "web/app/handlers/handlers.h"
#include "web/app/portal_models.h"

namespace gongkai::web::handlers {
namespace {

// A decimal integer in [lo, hi]; false for anything else (signs, spaces, overflow).
bool ParseIntIn(std::string_view text, int lo, int hi, int* out) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.starts_with('+')) return false;
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

Status BadParameter(std::string_view name, std::string_view label, std::string_view value,
                    std::string_view expected) {
  std::string shown(value.substr(0, 40));
  return InvalidArgument("bad query parameter " + std::string(name) + "=" + shown,
                         "参数 " + std::string(name) + "（" + std::string(label) + "）的值“" +
                             shown + "”无效：" + std::string(expected));
}

Result<int64_t> AgencyIdOf(Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) return NotFound("bad agency id", "未找到该单位");
  return id;
}

// The column's filters from the query string.
Result<ColumnFilter> ParseColumnFilter(const Request& req, AgencyLevel level) {
  ColumnFilter f;
  f.item_code = req.QueryParam("item");
  if (!f.item_code.empty() && !publication::IsCatalogueItemFor(f.item_code, level)) {
    return BadParameter("item", "公开事项", f.item_code,
                        "应为本单位适用的公开事项代码（见“法定主动公开内容”中的公开事项）");
  }
  f.subject = req.QueryParam("subject");
  if (!f.subject.empty() && !publication::IsSubject(f.subject)) {
    return BadParameter("subject", "主题分类", f.subject, "应为主题分类代码，如 finance");
  }
  std::string year = req.QueryParam("year");
  if (!year.empty() && !ParseIntIn(year, 1990, 2100, &f.year)) {
    return BadParameter("year", "年份", year, "应为 1990—2100 之间的四位年份");
  }
  std::string page = req.QueryParam("page");
  if (!page.empty() && !ParseIntIn(page, 1, 100000, &f.page)) {
    return BadParameter("page", "页码", page, "应为正整数");
  }
  return f;
}

Response PlainText(std::string body, int status = 200) {
  Response r = Response::Text(std::move(body), status);
  r.content_type = "text/plain; charset=utf-8";
  return r;
}

}  // namespace

Response DisclosurePage(App& app, Call& call) {
  auto id = AgencyIdOf(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto agency = app.platform().agencies().Get(*id);
  if (!agency.ok()) return ErrorPage(app, call, agency.status());
  auto filter = ParseColumnFilter(call.req, agency->level);
  if (!filter.ok()) return ErrorPage(app, call, filter.status());
  service::PortalColumnQuery query;
  query.agency_id = *id;
  query.item_code = filter->item_code;
  query.subject = filter->subject;
  query.year = filter->year;
  query.page = filter->page;
  query.per_page = 20;
  auto column = app.platform().publications().Column(query);
  if (!column.ok()) return ErrorPage(app, call, column.status());
  auto reports = app.platform().reports().Published(*id);
  if (!reports.ok()) return ErrorPage(app, call, reports.status());
  nlohmann::json model = DisclosureModel(*column, *filter, *reports);
  return RenderPage(app, call, "disclosure", model, column->agency.name + " 政府信息公开",
                    "portal");
}

Response DisclosureFeed(App& app, Call& call) {
  auto id = AgencyIdOf(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto feed = app.platform().publications().Feed(*id, 20);
  if (!feed.ok()) return ErrorPage(app, call, feed.status());
  Response r(Response::Text(
      AtomFeed(*feed, PublicBaseUrl(app, call.req), app.platform().clock().Today()), 200));
  r.content_type = "application/atom+xml; charset=utf-8";
  return r;
}

Response LedFeed(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) return PlainText("未找到该单位\n", 404);
  int width = 16, lines = 8;
  std::string w = call.req.QueryParam("width"), l = call.req.QueryParam("lines");
  if (!w.empty() && !ParseIntIn(w, publication::kLedMinWidth, publication::kLedMaxWidth, &width)) {
    return PlainText("参数 width（每行字数）无效：应为 " +
                         std::to_string(publication::kLedMinWidth) + "—" +
                         std::to_string(publication::kLedMaxWidth) + " 之间的整数\n",
                     400);
  }
  if (!l.empty() && !ParseIntIn(l, publication::kLedMinLines, publication::kLedMaxLines, &lines)) {
    return PlainText("参数 lines（行数）无效：应为 " + std::to_string(publication::kLedMinLines) +
                         "—" + std::to_string(publication::kLedMaxLines) + " 之间的整数\n",
                     400);
  }
  service::PortalColumnQuery query;
  query.agency_id = id;
  query.per_page = lines;
  auto column = app.platform().publications().Column(query);
  if (!column.ok()) {
    return PlainText(column.status().ui_message() + "\n", HttpStatusFor(column.status().code()));
  }
  std::vector<std::string> titles;
  for (const auto& p : column->items) {
    if (const publication::Version* live = p.Live()) titles.push_back(live->content.title);
  }
  return PlainText(publication::LedFeed(titles, width, lines));
}

Response SearchPage(App& app, Call& call) {
  std::string q = call.req.QueryParam("q");
  std::string agency_text = call.req.QueryParam("agency");
  std::string page_text = call.req.QueryParam("page");
  int64_t agency_id = 0;
  int page = 1;
  if (!agency_text.empty() && !ParseId(agency_text, &agency_id)) {
    return ErrorPage(app, call, BadParameter("agency", "单位", agency_text, "应为单位编号"));
  }
  if (!page_text.empty() && !ParseIntIn(page_text, 1, 100000, &page)) {
    return ErrorPage(app, call, BadParameter("page", "页码", page_text, "应为正整数"));
  }
  std::string agency_name;
  if (agency_id > 0) {
    auto agency = app.platform().agencies().Get(agency_id);
    if (!agency.ok()) return ErrorPage(app, call, agency.status());
    agency_name = agency->name;
  }
  auto results = app.platform().publications().Search(q, agency_id, page);
  if (!results.ok()) return ErrorPage(app, call, results.status());
  nlohmann::json model = SearchModel(*results, q, agency_id, agency_name);
  std::string title = q.empty() ? "全文检索" : "检索结果";
  return RenderPage(app, call, "search", model, title, "search");
}

}  // namespace gongkai::web::handlers
