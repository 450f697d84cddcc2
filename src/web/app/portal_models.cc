#include "web/app/portal_models.h"

#include <algorithm>

#include "core/publication/catalogue.h"
#include "core/publication/plain_text.h"
#include "web/app/models.h"
#include "web/http/http.h"

namespace gongkai::web {
namespace {

std::string AgencyBase(int64_t id) { return "/agencies/" + std::to_string(id); }

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// The start of a plain text, at most `chars` characters, "…" when cut.
std::string Excerpt(std::string_view text, size_t chars) {
  std::string out;
  size_t n = 0;
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (i + len > text.size()) break;
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      i += len;
      continue;
    }
    if (n == chars) {
      out += "…";
      break;
    }
    if (space) {
      out += ' ';
      ++n;
      space = false;
    }
    out.append(text.substr(i, len));
    ++n;
    i += len;
  }
  return out;
}

std::string AtomDate(const std::optional<Date>& d, Date fallback) {
  return (d ? *d : fallback).ToString() + "T00:00:00+08:00";
}

// The guide (政府信息公开指南), generated from the agency's records.
nlohmann::json GuideModel(const Agency& a) {
  const bool village = a.level == AgencyLevel::kVillage;
  nlohmann::json g = {{"village", village}};
  nlohmann::json office = AgencyModel(a)["office"];
  g["office"] = office;
  g["has_office"] = !a.office.name.empty();
  if (!village) g["apply_url"] = AgencyBase(a.id) + "/apply";
  return g;
}

}  // namespace

std::string ColumnQuery(const ColumnFilter& f) {
  std::string q;
  auto add = [&](std::string_view name, const std::string& value) {
    q += q.empty() ? "?" : "&";
    q += std::string(name) + "=" + PercentEncode(value);
  };
  if (!f.item_code.empty()) add("item", f.item_code);
  if (!f.subject.empty()) add("subject", f.subject);
  if (f.year > 0) add("year", std::to_string(f.year));
  if (f.page > 1) add("page", std::to_string(f.page));
  return q;
}

nlohmann::json DisclosureModel(const service::PortalColumn& column, const ColumnFilter& filter,
                               const std::vector<AnnualReport>& reports) {
  const Agency& a = column.agency;
  const std::string base = AgencyBase(a.id) + "/disclosure";
  nlohmann::json m;
  m["agency"] = AgencyModel(a);
  m["base"] = base;
  m["feed_url"] = base + "/feed.atom";
  m["feed_title"] = a.name + " 政府信息公开（Atom）";
  m["led_url"] = AgencyBase(a.id) + "/led.txt";
  m["guide"] = GuideModel(a);

  // Navigation by catalogue item, grouped by article, with counts.
  auto count_of = [&](std::string_view code) -> int64_t {
    for (const auto& [c, n] : column.item_counts) {
      if (c == code) return n;
    }
    return 0;
  };
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& item : publication::CatalogueItemsFor(a.level)) {
    std::string code(item.code);
    std::string group = code.starts_with("20.")   ? "《条例》第二十条"
                        : code.starts_with("21.") ? "《条例》第二十一条"
                                                  : "村务公开";
    if (groups.empty() || groups.back()["name"] != group) {
      groups.push_back({{"name", group}, {"items", nlohmann::json::array()}});
    }
    ColumnFilter f{.item_code = code};
    groups.back()["items"].push_back({{"code", code},
                                      {"label", std::string(item.label())},
                                      {"count", count_of(code)},
                                      {"url", base + ColumnQuery(f) + "#content"},
                                      {"current", code == filter.item_code}});
  }
  m["groups"] = groups;
  m["rules_url"] = base + ColumnQuery({.item_code = "20.15"}) + "#content";
  m["rules_count"] = count_of("20.15");

  // Filters: subjects and years as selects; the current item is kept.
  nlohmann::json subjects = nlohmann::json::array();
  for (std::string_view s : publication::AllSubjects()) {
    subjects.push_back({{"code", std::string(s)},
                        {"label", std::string(publication::SubjectLabel(s))},
                        {"selected", s == filter.subject}});
  }
  m["subjects"] = subjects;
  nlohmann::json years = nlohmann::json::array();
  for (int y : column.years) years.push_back({{"year", y}, {"selected", y == filter.year}});
  m["years"] = years;
  m["item_code"] = filter.item_code;
  std::string heading = "全部信息";
  if (!filter.item_code.empty()) {
    for (const auto& item : publication::AllCatalogueItems()) {
      if (item.code == filter.item_code) heading = std::string(item.label());
    }
  }
  m["list_heading"] = heading;
  std::vector<std::string> applied;
  if (!filter.subject.empty())
    applied.push_back("主题：" + std::string(publication::SubjectLabel(filter.subject)));
  if (filter.year > 0) applied.push_back(std::to_string(filter.year) + "年发布");
  std::string applied_text;
  for (const auto& s : applied) applied_text += (applied_text.empty() ? "" : "，") + s;
  m["applied"] = applied_text.empty() ? nlohmann::json(nullptr) : nlohmann::json(applied_text);
  m["filtered"] = !filter.item_code.empty() || !filter.subject.empty() || filter.year > 0;
  m["all_url"] = base + "#content";

  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : column.items) {
    const publication::Version* live = p.Live();
    items.push_back({{"url", "/publications/" + std::to_string(p.id)},
                     {"title", live ? live->content.title : p.index_number},
                     {"released_on", DateText(p.first_released_on)},
                     {"index_number", p.index_number}});
  }
  m["items"] = items;
  m["has_items"] = !items.empty();
  m["total"] = column.total;
  const int per_page = 20;
  int64_t pages = std::max<int64_t>(1, (column.total + per_page - 1) / per_page);
  m["page"] = filter.page;
  m["pages"] = pages;
  m["beyond"] = column.items.empty() && filter.page > 1;
  ColumnFilter first = filter;
  first.page = 1;
  m["first_url"] = base + ColumnQuery(first) + "#content";
  if (filter.page > 1 && filter.page <= pages) {
    ColumnFilter prev = filter;
    prev.page = filter.page - 1;
    m["prev_url"] = base + ColumnQuery(prev) + "#content";
  }
  if (filter.page < pages) {
    ColumnFilter next = filter;
    next.page = filter.page + 1;
    m["next_url"] = base + ColumnQuery(next) + "#content";
  }

  nlohmann::json rs = nlohmann::json::array();
  for (const AnnualReport& r : reports) {
    rs.push_back({{"year", r.year},
                  {"url", AgencyBase(a.id) + "/reports/" + std::to_string(r.year)},
                  {"corrected", r.version > 1}});
  }
  m["reports"] = rs;
  m["has_reports"] = !rs.empty();
  return m;
}

std::string PiecesHtml(const std::vector<search::SnippetPiece>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    if (p.marked) out += "<mark>";
    out += HtmlEscape(p.text);
    if (p.marked) out += "</mark>";
  }
  return out;
}

nlohmann::json SearchModel(const service::SearchResults& r, std::string_view query,
                           int64_t agency_id, const std::string& agency_name) {
  nlohmann::json m;
  m["q"] = std::string(query);
  m["agency_id"] = agency_id > 0 ? nlohmann::json(agency_id) : nlohmann::json(nullptr);
  m["agency_name"] = agency_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(agency_name);
  m["empty_query"] = r.plan.empty();
  m["truncated"] = r.plan.truncated;
  m["max_chars"] = search::kMaxQueryChars;
  m["max_terms"] = search::kMaxQueryTerms;
  m["total"] = r.total;
  m["more"] = r.more;
  m["no_hits"] = !r.plan.empty() && r.total == 0;
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : r.hits) {
    hits.push_back({{"url", "/publications/" + std::to_string(h.id)},
                    {"title_html", PiecesHtml(h.title_pieces)},
                    {"agency_name", h.agency_name},
                    {"agency_url", AgencyBase(h.agency_id) + "/disclosure"},
                    {"released_on", DateText(h.released_on)},
                    {"index_number", h.index_number},
                    {"title_match", h.title_match},
                    {"snippet_html", PiecesHtml(h.snippet)}});
  }
  m["hits"] = hits;
  m["has_hits"] = !hits.empty();
  int64_t pages = std::max<int64_t>(1, (r.total + r.per_page - 1) / r.per_page);
  m["page"] = r.page;
  m["pages"] = pages;
  m["beyond"] = !r.plan.empty() && r.total > 0 && r.hits.empty();
  m["from"] = (r.page - 1) * r.per_page + 1;
  m["to"] = (r.page - 1) * r.per_page + static_cast<int64_t>(r.hits.size());
  auto url = [&](int page) {
    std::string u = "/search?q=" + PercentEncode(query);
    if (agency_id > 0) u += "&agency=" + std::to_string(agency_id);
    if (page > 1) u += "&page=" + std::to_string(page);
    return u;
  };
  m["first_url"] = url(1);
  if (r.page > 1 && r.page <= pages) m["prev_url"] = url(r.page - 1);
  if (r.page < pages) m["next_url"] = url(r.page + 1);
  if (agency_id > 0) {
    std::string all = "/search?q=" + PercentEncode(query);
    m["all_agencies_url"] = all;
  }
  return m;
}

std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 allows no C0 controls but tab, line feed and carriage return.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        // U+FFFE and U+FFFF (EF BF BE/BF) are not characters either.
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
          i += 2;
          break;
        }
        out += static_cast<char>(c);
    }
  }
  return out;
}

std::string AtomFeed(const service::PortalFeed& feed, std::string_view base_url, Date today) {
  const Agency& a = feed.agency;
  std::string base(base_url);
  std::string column = base + AgencyBase(a.id) + "/disclosure";
  std::optional<Date> updated;
  for (const auto& p : feed.items) {
    const publication::Version* live = p.Live();
    if (live && live->released_on && (!updated || *live->released_on > *updated))
      updated = live->released_on;
  }
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  x += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  x += "  <id>" + XmlEscape(column) + "</id>\n";
  x += "  <title>" + XmlEscape(a.name + " 政府信息公开") + "</title>\n";
  x += "  <subtitle>法定主动公开内容（最新发布）</subtitle>\n";
  x += "  <updated>" + AtomDate(updated, today) + "</updated>\n";
  x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
       XmlEscape(column + "/feed.atom") + "\"/>\n";
  x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(column) + "\"/>\n";
  x += "  <author><name>" + XmlEscape(a.name) + "</name></author>\n";
  x += "  <generator>gongkai</generator>\n";
  for (const auto& p : feed.items) {
    const publication::Version* live = p.Live();
    if (live == nullptr) continue;
    std::string url = base + "/publications/" + std::to_string(p.id);
    std::string summary = Excerpt(publication::PlainTextOfHtml(live->content.body_html), 200);
    x += "  <entry>\n";
    x += "    <id>" + XmlEscape(url) + "</id>\n";
    x += "    <title>" + XmlEscape(live->content.title) + "</title>\n";
    x += "    <updated>" +
         AtomDate(live->released_on ? live->released_on : p.first_released_on, today) +
         "</updated>\n";
    x += "    <published>" + AtomDate(p.first_released_on, today) + "</published>\n";
    x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(url) + "\"/>\n";
    if (!live->content.issuer.empty())
      x += "    <author><name>" + XmlEscape(live->content.issuer) + "</name></author>\n";
    x += "    <summary type=\"text\">" + XmlEscape(summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace gongkai::web
