// The consistency rules (勾稽关系) of annual-report.md §5 that the figures alone decide. A check reports
// every violation, never only the first (like SQLite's integrity_check). Rule ids are stable.
//
// Implemented here: T3-01…T3-06, T4-01, T4-02, T2-01…T2-03, Y-01…Y-03 (against last year's report),
// N-02 (sections present and in order) and N-03 (format version for the year). The narrative rules N-01
// and N-05, P-01 (publication deadline) and A-01 (region sums) need the narrative text, dates or other
// units' reports and come with the report engine's next steps.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/report/format.h"
#include "core/report/report_data.h"

namespace gongkai::report {

enum class Severity { kError, kWarning, kForm };
std::string_view SeverityCode(Severity s);  // "E", "W", "F"

struct Violation {
  std::string rule;  // "T3-01"
  Severity severity = Severity::kError;
  std::vector<std::string> cells;  // the cells involved, the checked one first
  int64_t expected = 0;
  int64_t found = 0;
  bool has_numbers = false;  // expected/found are meaningful
  std::string message_zh;
  std::string message_en;
};

struct RuleOptions {
  // T3-06: 其他处理·其他 above this share of handled_total (in percent) is a warning.
  int other_other_percent = 10;
  // T2-02: only agencies with rule-making power publish 规章.
  bool has_rule_making_power = false;
  // Y-01 is an error (not a warning) when both years come from the platform's own records.
  bool both_years_from_records = false;
};

// previous: last year's report of the same agency, or nullptr.
std::vector<Violation> CheckReport(const ReportData& report, const ReportData* previous,
                                   const RuleOptions& options = {});

}  // namespace gongkai::report
