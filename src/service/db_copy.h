// `gongkai db copy`: moves every row (sessions excepted) from one store to another, e.g. a
// township's SQLite file into a province's PostgreSQL, keeping ids so foreign keys and the audit
// log's entity references stay right, and proves the result by per-table row counts and checksums.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "storage/store.h"

namespace gongkai::service {

// One table's fingerprint: its rows and a SHA-256 over their canonical form in key order. Computed
// from typed rows, so it is the same whichever backend the rows came from.
struct TableSummary {
  std::string table;  // agencies, agency_group_members, users, calendar_years, report_sources,
                      // annual_reports, applications, application_events, review_cases,
                      // normative_documents, decision_figures, audit_log, audit_head
  int64_t rows = 0;
  std::string sha256;  // hex
  bool operator==(const TableSummary&) const = default;
};

std::vector<TableSummary> SummariseSnapshot(const storage::DataSnapshot& snapshot);

// The rows of `source` that `target` lacks, ready for ImportAll. Rows present in both with the same
// content are skipped. Refuses, naming table and key, a row whose content differs or a row only
// the target has (AlreadyExists), and a target whose audit log is not the start of the source's
// (FailedPrecondition): two hash chains cannot be merged.
Result<storage::DataSnapshot> MissingRows(const storage::DataSnapshot& source,
                                          const storage::DataSnapshot& target);

struct CopyReport {
  int migration = 0;                    // schema version of both stores
  std::vector<TableSummary> source;     // as read from the source
  std::vector<TableSummary> target;     // as read back from the target after the copy
  std::vector<TableSummary> copied;     // the rows written by this run (0 everywhere on a re-run)
  std::vector<std::string> mismatches;  // tables whose source and target summaries differ
  bool verified() const { return mismatches.empty(); }
};

// Copies `from` into `to` in one write transaction on `to`: either every missing row is written
// or none. Both stores must be at this binary's migration version.
Result<CopyReport> CopyStore(storage::Store& from, storage::Store& to);

// Opens both URLs (as storage::OpenStore understands them) and copies. The source is not migrated
// (a copy must not change it): it must already be current. The target is migrated on open.
Result<CopyReport> CopyDatabase(const std::string& from_url, const std::string& to_url);

}  // namespace gongkai::service
