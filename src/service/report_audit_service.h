// Auditing published annual reports in the back office (issue 5): a supervisor (or a unit's clerk
// or admin) uploads report files as the units published them; each is read, its figures extracted
// and every rule run (io::ReadPublishedReport, report::AuditBatch, year over year within the batch
// or against the platform's own report of the year before). Every file that could be read is kept
// byte for byte (report_sources), so its audit can be shown again and its figures saved as the
// unit's imported report. Saving always reads the stored file again: figures are never taken from
// what a browser sends back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/agency.h"
#include "core/annual_report.h"
#include "core/report/report_audit.h"
#include "io/readers/readers.h"
#include "service/actor.h"
#include "service/clock.h"
#include "service/report_service.h"
#include "storage/store.h"

namespace gongkai::service {

// One upload, from the browser or elsewhere.
struct UploadedFile {
  std::string name;   // as sent (a folder upload may carry the path inside the folder)
  std::string bytes;  // the file's content
};

struct AuditLimits {
  size_t max_files = 20;
  size_t max_total_bytes = 64u << 20;
  // Files never saved as a report are deleted after this many days (when the next upload comes).
  int keep_unsaved_days = 30;
};

// The agency a report names, among `candidates`: the same name, or (names compared without spaces
// and punctuation, full-width folded) the one agency whose name ends with the report's, or whose
// name the report's ends with (a province prefix), or whose short name it is. nullopt when none
// or several fit; *several then lists them.
std::optional<Agency> MatchAgencyName(const std::vector<Agency>& candidates,
                                      const std::string& name,
                                      std::vector<Agency>* several = nullptr);

// What saving an audited report as its unit's report for the year would do, or why it cannot.
struct SaveOutlook {
  bool possible = false;
  std::string why_not;                 // in Chinese, when not possible
  int next_version = 1;                // the version saving creates
  std::vector<AnnualReport> versions;  // the unit's stored versions of the year (no body)
  // The newest published version of the year, and how many cells of Tables 二–四 the file's
  // figures differ from it in (-1 when there is none).
  std::optional<AnnualReport> published;
  int differing_cells = -1;
};

struct AuditedUpload {
  report::AuditedReport audit;  // refused, or read and checked
  ReportSource source;          // without content; id 0 when the file was not kept (refused)
  std::optional<Agency> unit;   // the unit the report names, within the actor's scope
  std::string unit_problem;     // in Chinese: why no unit was found
  // What the year-over-year rules compared with, in Chinese (another file of the batch, or the
  // platform's report of the year before); "" when nothing.
  std::string compared_with;
  SaveOutlook save;  // meaningful when unit is set
};

class ReportAuditService {
 public:
  ReportAuditService(storage::Store& store, const Clock& clock, ReportService& reports,
                     AuditLimits limits = {}, io::PdfOptions pdf = {})
      : store_(store), clock_(clock), reports_(reports), limits_(limits), pdf_(std::move(pdf)) {}

  const AuditLimits& limits() const { return limits_; }

  // Reads, audits and keeps a batch (at most limits().max_files files, max_total_bytes in all).
  // Files that cannot be read are reported with their reason and not kept. Audited per file.
  Result<std::vector<AuditedUpload>> AuditUploads(const Actor& actor,
                                                  const std::vector<UploadedFile>& files);
  // A kept file's audit again (year over year against the platform's reports). Its uploader sees
  // it, and, once it is saved as a unit's report, whoever sees that unit (the leader approving the
  // imported report too, though only those who audit may save).
  Result<AuditedUpload> AuditStored(const Actor& actor, int64_t source_id);
  // The kept file itself (for download), on the same terms.
  Result<ReportSource> Source(const Actor& actor, int64_t source_id);
  // Reads the kept file again and stores its figures as agency_id's report for `year` (origin
  // imported, named after the file, linked to it): version 1, or a new draft version when the year
  // has published ones. Refused when the unit is outside the actor's scope, the year is not the
  // one the file states, the file cannot be read, the year already has a version being edited or
  // approved, or the file was saved for another unit. Returns the new report's id.
  Result<int64_t> SaveAudited(const Actor& actor, int64_t source_id, int64_t agency_id, int year);

 private:
  Result<ReportSource> Visible(storage::Transaction& tx, const Actor& actor, int64_t source_id);
  // Unit, year-over-year checks and the save outlook of each read report.
  Status Complete(storage::Transaction& tx, const Actor& actor, std::vector<AuditedUpload>& items);

  storage::Store& store_;
  const Clock& clock_;
  ReportService& reports_;
  AuditLimits limits_;
  io::PdfOptions pdf_;
};

}  // namespace gongkai::service
