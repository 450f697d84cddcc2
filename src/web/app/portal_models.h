// View models of the public disclosure column (政府信息公开), the portal search and the feeds:
// JSON for the templates, and the Atom document. Pure functions of service results.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/annual_report.h"
#include "core/search/search.h"
#include "service/publication_service.h"

namespace gongkai::web {

// The column's filters, already validated (the handler rejects unknown codes).
struct ColumnFilter {
  std::string item_code{};
  std::string subject{};
  int year = 0;
  int page = 1;
};

// The column's query string for a filter ("" or "?item=20.7&page=2"); page 1 is left out.
std::string ColumnQuery(const ColumnFilter& filter);

// The whole column page: the four parts (guide, rules, statutory content, annual reports).
nlohmann::json DisclosureModel(const service::PortalColumn& column, const ColumnFilter& filter,
                               const std::vector<AnnualReport>& reports);

// Pieces as HTML: text escaped, marked pieces inside <mark>.
std::string PiecesHtml(const std::vector<search::SnippetPiece>& pieces);

// The search page; `query` as typed, `agency_id` 0 for all agencies.
nlohmann::json SearchModel(const service::SearchResults& results, std::string_view query,
                           int64_t agency_id, const std::string& agency_name);

// XML character data / attribute value: & < > " ' escaped, characters XML 1.0 forbids dropped.
std::string XmlEscape(std::string_view text);
// An RFC 4287 Atom feed of the agency's newest items. base_url: "https://host" without a
// trailing slash; today: the feed's updated date when there are no items.
std::string AtomFeed(const service::PortalFeed& feed, std::string_view base_url, Date today);

}  // namespace gongkai::web
