// The annual report as JSON, schema "gongkai.annual-report/1" (docs/report-json.md): the exchange format
// for the API, exports and `gongkai report check`. Reading validates everything and names what is wrong
// and where; cells that are blank, dashes or unreadable text are kept as such for the rules to report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/report/report_data.h"
#include "core/report/rules.h"
#include "core/status.h"

namespace gongkai::io {

inline constexpr std::string_view kReportJsonSchema = "gongkai.annual-report/1";

Result<report::ReportData> ReportFromJson(std::string_view text);
// The report, and the violations when given (as "checks").
std::string ReportToJson(const report::ReportData& report, const std::vector<report::Violation>* checks = nullptr);
// One violation a line, in Chinese, for terminals: "[E T3-01] 表三「自然人」列：…".
std::string ViolationsToText(const std::vector<report::Violation>& checks);

}  // namespace gongkai::io
