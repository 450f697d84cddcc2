// The document to render for a stored report version: its figures, title, publication date, the
// corrections that led to it (rule P-02) and whether it is a draft or a region summary.
#pragma once

#include <string>
#include <vector>

#include "core/agency.h"
#include "core/annual_report.h"
#include "render/render.h"

namespace gongkai::render {

// versions: every version of the agency's year (for the correction notes up to this one);
// unit_names: the names of a summary's units.
ReportDocument DocumentFor(const AnnualReport& record, const report::ReportData& data,
                           const Agency& agency, const std::string& title,
                           const std::vector<AnnualReport>& versions,
                           const std::vector<std::string>& unit_names = {});

// "2024-01-19T02:00:00.000Z" → "2024-01-19" in Beijing (UTC+8); "" when unparsable.
std::string BeijingDay(const std::string& rfc3339_utc);

}  // namespace gongkai::render
