// Annual report use cases: the clerk enters figures and narrative, every save re-runs the checks,
// the leader approves and publishes, a published report is corrected only by a new version with a
// note, and a supervisor makes region summaries of the units below. Every change is audited with a
// diff.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/agency.h"
#include "core/annual_report.h"
#include "core/date.h"
#include "core/report/narrative_draft.h"
#include "core/report/report_data.h"
#include "core/report/rules.h"
#include "service/actor.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

// A violation as the report page shows it: accepted warnings carry their written reason.
struct CheckedViolation {
  report::Violation violation;
  std::optional<WarningAcceptance> acceptance;  // the written reason, when explained
};

struct ReportView {
  AnnualReport record;
  report::ReportData data;
  Agency agency;
  std::vector<AnnualReport> versions;         // every version of this agency's year, oldest first
  std::optional<AnnualReport> previous_year;  // the report it was checked against (Y-*, N-05)
  std::vector<CheckedViolation> checks;
  std::vector<std::string> unit_names;  // a summary's units
  Date publication_deadline;            // Art. 49 (rule P-01), for the people approving it
  int errors = 0;                       // E violations (block submission and approval)
  int open_warnings = 0;                // W violations without a written reason (block approval)
  bool blocks_publication() const { return errors > 0 || open_warnings > 0; }
  std::string title() const;  // "…磁钟乡人民政府2023年政府信息公开工作年度报告"
  // Entered reports not yet published: the Table 二/三/四 cells whose figures differ from what the
  // agency's records give for the year (register of normative documents, decision and fee
  // figures, applications, review cases; empty when they agree).
  std::vector<std::string> differs_from_records;
  bool compared_with_records = false;
};

// One line of an agency's report list.
struct ReportSummaryLine {
  AnnualReport record;  // without body
  int errors = 0;
  int warnings = 0;
};

// The rule options for an agency's report: who it reports as (Art. 49 deadline), whether it may
// make 规章; P-01 is judged only when first_published_at (ISO time) is given.
report::RuleOptions RuleOptionsFor(const Agency& agency, const std::string& first_published_at);

// What identifies a violation for its written explanation: rule, cells and message (which carries
// the figures and, for narrative rules, the section or sentence).
std::string ViolationFingerprint(const report::Violation& v);

class ReportService {
 public:
  ReportService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Starts the agency's report for a year (version 1, draft, figures zero until entered). The year
  // must have a format the platform generates (2021 on) and must have begun.
  Result<int64_t> Create(const Actor& actor, int64_t agency_id, int year);
  // The report with its checks. Staff see their subtree; the public only published versions.
  Result<ReportView> Get(const Actor& actor, int64_t report_id);
  // The version people should read for the year: the newest published one (public) or the newest
  // of all (staff in scope). NotFound when there is none.
  Result<ReportView> Current(const Actor& actor, int64_t agency_id, int year);
  Result<std::vector<ReportSummaryLine>> List(const Actor& actor, int64_t agency_id);
  // Published reports of the agency, newest year first (one line per year: its newest version).
  Result<std::vector<AnnualReport>> Published(int64_t agency_id);

  // Replaces the figures and narrative of a draft. row_version is the one the editor started from:
  // stale → Aborted and nothing saved. Negative figures, unknown cells or a format change are
  // refused.
  Status Save(const Actor& actor, int64_t report_id, int64_t row_version,
              const report::ReportData& data);
  // Explains a warning (named by its ViolationFingerprint) instead of fixing it; an empty reason
  // removes the explanation. An explanation lapses when a save changes what it explained.
  Status AcceptWarning(const Actor& actor, int64_t report_id, int64_t row_version,
                       const std::string& fingerprint, const std::string& reason);
  // Replaces Tables 二, 三 and 四 of a draft with the figures counted from the agency's records for
  // the year: the register of rules and normative documents, the year's decision and fee figures
  // (when entered), applications and review cases. A new report starts with them.
  Status FillFromRecords(const Actor& actor, int64_t report_id, int64_t row_version);
  // What a narrative draft needs beyond the tables, from the agency's records for the report's
  // year: items first published, what went out on each channel, fee notices issued and paid.
  Result<report::NarrativeFacts> NarrativeFactsFromRecords(const Actor& actor, int64_t report_id);
  // Draft → pending. Refused while any error-level violation remains.
  Status Submit(const Actor& actor, int64_t report_id, int64_t row_version);
  // Pending → draft, with the leader's comment (required).
  Status Return(const Actor& actor, int64_t report_id, int64_t row_version,
                const std::string& comment);
  // Pending → published (the leader's approval publishes it). Refused while errors or unexplained
  // warnings remain. A corrected version supersedes the one it corrects.
  Status Publish(const Actor& actor, int64_t report_id, int64_t row_version);
  // Opens version N+1 of a published report as a draft with the same content; note (required) says
  // what is corrected and is shown with the published correction.
  Result<int64_t> StartCorrection(const Actor& actor, int64_t report_id, const std::string& note);
  // A region summary (never stored): the cell-by-cell sum of the units' reports for the year,
  // marked as a summary and titled for agency_id. Each unit contributes its newest published
  // version, or its newest version of any state when include_unpublished. A unit without one is
  // named in the error.
  Result<ReportView> Summarise(const Actor& actor, int64_t agency_id, int year,
                               const std::vector<int64_t>& unit_ids, bool include_unpublished);
  // Stores figures read from elsewhere (a JSON file, later an imported document) as a draft, or as
  // a new version when the year already has published ones. A report of origin summary names its
  // units; rule A-01 then compares it with their reports.
  Result<int64_t> Import(const Actor& actor, int64_t agency_id, const report::ReportData& data,
                         ReportOrigin origin, const std::string& source_name,
                         const std::vector<int64_t>& summary_units = {});
  // Import's work inside the caller's write transaction, for a caller that has authorized the
  // actor itself (ReportAuditService saves an uploaded file this way): validates, stores the new
  // version naming source_id (an uploaded file, or 0) and writes the audit entry.
  Result<int64_t> ImportIn(storage::Transaction& tx, const Actor& actor, int64_t agency_id,
                           const report::ReportData& data, ReportOrigin origin,
                           const std::string& source_name, int64_t source_id,
                           const std::vector<int64_t>& summary_units);

 private:
  Result<ReportView> Load(storage::Transaction& tx, const AnnualReport& record);
  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::service
