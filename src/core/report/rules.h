// The consistency rules (勾稽关系) of annual-report.md §5. A check reports every violation, never
// only the first (like SQLite's integrity_check). Rule ids are stable; docs/report-rules.md lists
// them all.
//
// CheckReport runs, in the report's own format (2021, or the 2019 trial format for old reports):
//   T3-01…T3-06, T4-01, T4-02, T2-01…T2-03 (the tables; T3-06 and T2-03 need 2021 cells),
//   Y-01…Y-03 (against last year's report, on the cells both years' formats share),
//   N-01 (numbers in the narrative agree with the tables; narrative_numbers.h),
//   N-02 (sections present and in order), N-03 (format version for the year),
//   N-05 (narrative not copied from last year; narrative_copy.h),
//   P-01 (publication deadline; publication.h) when options.published_on is set.
// Elsewhere: A-01 (region sums) is CheckRegionSum in region_sum.h, as it needs the units' reports;
// P-02 (published versions never change silently) belongs to storage, which keeps the versions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/report/format.h"
#include "core/report/publication.h"
#include "core/report/report_data.h"
#include "core/report/violation.h"

namespace gongkai::report {

struct RuleOptions {
  // T3-06: 其他处理·其他 above this share of handled_total (in percent) is a warning.
  int other_other_percent = 10;
  // T2-02: only agencies with rule-making power publish 规章.
  bool has_rule_making_power = false;
  // Y-01 is an error (not a warning) when both years come from the platform's own records.
  bool both_years_from_records = false;
  // P-01: checked only when the publication date is known.
  std::optional<Date> published_on;
  ReporterKind reporter_kind = ReporterKind::kDepartment;
  // N-05: a narrative section at least this similar (percent, character bigrams) to last year's is
  // reported, when both texts have at least narrative_min_chars characters after stripping.
  int narrative_similarity_percent = 80;
  int narrative_min_chars = 60;
};

// previous: last year's report of the same agency, or nullptr.
std::vector<Violation> CheckReport(const ReportData& report, const ReportData* previous,
                                   const RuleOptions& options = {});

}  // namespace gongkai::report
