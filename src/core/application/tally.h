// Tables 三 and 四 of the annual report counted from the records (annual-report.md §7).
//
// Table 三 for year N: a case received in N is `new`, one received earlier and still open on
// 1 January is `carried_in`; a case closed in N counts once, in its outcome's row; a case open at
// 31 December 24:00 is `carried_out`. Column: the applicant's type at receipt. Cases awaiting
// confirmation have no receipt date and count nowhere. By construction the result passes
// T3-01..T3-04.
//
// Table 四 for year N: a case whose result is dated in N counts in its result column; one filed by
// the end of N without a result by then is pending. Cases where the agency is the co-defendant
// review organ are not counted. By construction the result passes T4-01 and T4-02.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "core/application/application.h"
#include "core/litigation/review_case.h"
#include "core/report/report_data.h"

namespace gongkai::application {

// One case, or `count` cases that fall in the same cells (see Store::SummariseApplications).
struct CaseSummary {
  ApplicantType type = ApplicantType::kNatural;
  Date receipt_date;
  std::optional<Date> closed_on;
  std::optional<Outcome> outcome;  // set iff closed_on is
  int64_t count = 1;
};

CaseSummary Summarise(const Application& app);  // precondition: app.receipt_date is set

// Sets every t3.* cell of `data` (all rows and columns, totals included) for `year`.
void TallyTable3(std::span<const CaseSummary> cases, int year, report::ReportData& data);
// Sets every t4.* cell of `data` for `year`.
void TallyTable4(std::span<const litigation::ReviewCase> cases, int year, report::ReportData& data);

}  // namespace gongkai::application
