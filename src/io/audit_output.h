// The results of auditing published reports (core/report/report_audit.h) as text for a terminal,
// JSON for programs and CSV for a spreadsheet: one finding per line/row.
#pragma once

#include <string>
#include <vector>

#include "core/report/report_audit.h"

namespace gongkai::io {

// A one-line summary per report, its findings indented under it, and a total line at the end.
std::string AuditToText(const std::vector<report::AuditedReport>& reports, bool details = true);
// {"schema": "gongkai.report-audit/1", "reports": [...], "totals": {...}}; each read report carries
// its extracted tables in the report JSON form (docs/report-json.md).
std::string AuditToJson(const std::vector<report::AuditedReport>& reports);
// Header row, then one row per finding (refusal, extraction problem, violation), and one "ok" row
// for a report without findings. UTF-8 with BOM so Excel opens it as Chinese text.
std::string AuditToCsv(const std::vector<report::AuditedReport>& reports);

}  // namespace gongkai::io
