#include "core/report/report_audit.h"

#include <map>
#include <utility>

#include "core/report/extract_text.h"

namespace gongkai::report {

int AuditedReport::Count(Severity s) const {
  int n = 0;
  for (const auto& v : violations) n += v.severity == s;
  return n;
}

void AuditBatch(std::vector<AuditedReport>& reports, const RuleOptions& options) {
  std::map<std::pair<std::string, int>, size_t> by_agency_year;  // first file wins
  for (size_t i = 0; i < reports.size(); ++i) {
    const auto& r = reports[i];
    if (!r.read() || r.extracted.agency_name.empty() || r.extracted.year == 0) continue;
    by_agency_year.emplace(std::make_pair(TextKey(r.extracted.agency_name), r.extracted.year), i);
  }
  for (auto& r : reports) r.extracted.data.year = r.extracted.year;
  for (auto& r : reports) {
    if (!r.read()) continue;
    const ReportData* previous = nullptr;
    if (!r.extracted.agency_name.empty() && r.extracted.year != 0) {
      auto it = by_agency_year.find({TextKey(r.extracted.agency_name), r.extracted.year - 1});
      if (it != by_agency_year.end()) {
        previous = &reports[it->second].extracted.data;
        r.previous_source = reports[it->second].source;
      }
    }
    r.violations = CheckReport(r.extracted.data, previous, options);
  }
}

AuditTotals Totals(const std::vector<AuditedReport>& reports) {
  AuditTotals t;
  for (const auto& r : reports) {
    ++t.files;
    if (!r.read()) {
      ++t.refused;
      continue;
    }
    ++t.read;
    t.with_errors += r.HasErrors();
    t.errors += r.Count(Severity::kError);
    t.warnings += r.Count(Severity::kWarning);
    t.form += r.Count(Severity::kForm);
    t.extraction_problems += static_cast<int>(r.extracted.problems.size());
  }
  return t;
}

}  // namespace gongkai::report
