// Rule A-01: a region-wide report that claims to cover its units equals, cell by cell, the sum of
// those units' reports (annual-report.md §5).
#pragma once

#include <vector>

#include "core/report/report_data.h"
#include "core/report/violation.h"
#include "core/status.h"

namespace gongkai::report {

// The cell-by-cell sum of the units' tables (blank, dash and unreadable cells count 0), in the
// units' common format. Only the tables are summed: sections and narrative stay empty.
// InvalidArgument when there are no units, or a unit is of another year or format than the first.
Result<ReportData> SumReports(const std::vector<const ReportData*>& units, int year);

// A-01 (W): every cell where the summary differs from the units' sum (expected = sum, found =
// claimed).
std::vector<Violation> CheckRegionSum(const ReportData& summary,
                                      const std::vector<const ReportData*>& units);

}  // namespace gongkai::report
