// Auditing a batch of published reports read from files (extract.h): every rule on every report,
// and the year-over-year rules (Y-01…Y-03, N-05) between reports of the same agency for
// consecutive years found in the same batch.
#pragma once

#include <string>
#include <vector>

#include "core/report/extract.h"
#include "core/report/rules.h"
#include "core/report/violation.h"
#include "core/status.h"

namespace gongkai::report {

struct AuditedReport {
  std::string source;  // the file, as named by the user
  std::string reader;  // "text", "html", "docx", "pdf"; "" when the file was refused
  Status refused;      // not ok: the file could not be read as a report (the one-line reason)
  ExtractedReport extracted;
  std::vector<Violation> violations;
  std::string previous_source;  // the batch file used as last year's report, if any
  std::vector<std::string>
      notes;  // what the reader noticed (e.g. traditional characters converted)

  bool read() const { return refused.ok(); }
  int Count(Severity s) const;
  bool HasErrors() const { return Count(Severity::kError) > 0; }
};

// Fills violations for every read report. Reports are paired by agency name (compared without
// spaces and punctuation) and year.
void AuditBatch(std::vector<AuditedReport>& reports, const RuleOptions& options = {});

struct AuditTotals {
  int files = 0, read = 0, refused = 0, with_errors = 0;
  int errors = 0, warnings = 0, form = 0, extraction_problems = 0;
};
AuditTotals Totals(const std::vector<AuditedReport>& reports);

}  // namespace gongkai::report
