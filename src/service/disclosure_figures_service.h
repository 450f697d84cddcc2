// Table 二's records (主动公开政府信息情况): the register of rules (规章) and normative documents
// (行政规范性文件) each agency makes and repeals, and its yearly licensing, penalty and coercion
// decision counts and administrative fee amount, entered on a page or imported from CSV.
//
// The clerk and the administrator of an agency (or of one above it) keep the records; every role
// in scope reads them (the leader of the agency, supervisors above). Every change and every refused
// attempt is in the audit log. A CSV import is all-or-nothing: a file with any bad row saves
// nothing and reports every problem with its line and column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/disclosure/decision_figures.h"
#include "core/disclosure/normative_document.h"
#include "core/report/report_data.h"
#include "service/actor.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

// What a CSV import did, or why it saved nothing.
struct FiguresImport {
  Status status;                                // ok iff the rows were saved
  std::vector<disclosure::CsvProblem> problems;  // every bad line and column (status not ok)
  int created = 0;                              // agency-years entered for the first time
  int updated = 0;                              // agency-years whose figures were replaced
};

class DisclosureFiguresService {
 public:
  DisclosureFiguresService(storage::Store& store, const Clock& clock)
      : store_(store), clock_(clock) {}

  // The register. Title and number are trimmed; a number the agency already used is AlreadyExists.
  Result<int64_t> CreateDocument(const Actor& actor, disclosure::NormativeDocument d);
  // d.version is the one the form was read at (stale → Aborted). The agency never changes.
  Status UpdateDocument(const Actor& actor, const disclosure::NormativeDocument& d);
  // Records the repeal (废止) of a document in force on `repealed_on`.
  Status RepealDocument(const Actor& actor, int64_t id, int64_t version, Date repealed_on);
  Result<disclosure::NormativeDocument> GetDocument(const Actor& actor, int64_t id);
  // The agency's documents that match, newest made date first.
  Result<std::vector<disclosure::NormativeDocument>> ListDocuments(
      const Actor& actor, int64_t agency_id, const disclosure::DocumentFilter& filter);

  // The figures. GetFigures is nullopt for a year never entered.
  Result<std::optional<disclosure::DecisionFigures>> GetFigures(const Actor& actor,
                                                                int64_t agency_id, int year);
  // Newest year first.
  Result<std::vector<disclosure::DecisionFigures>> ListFigures(const Actor& actor,
                                                               int64_t agency_id);
  // Enters or replaces one agency-year. f.version is 0 when the form showed no figures for the
  // year, else the version it was read at (stale → Aborted).
  Status SaveFigures(const Actor& actor, const disclosure::DecisionFigures& f);
  // Imports a CSV file (UTF-8, BOM or not; see disclosure::ReadFiguresCsv for the columns). Rows
  // replace the figures already entered for their agency-year. Nothing is saved when any row is
  // bad or names an agency outside the actor's scope.
  FiguresImport ImportCsv(const Actor& actor, std::string_view csv);

  // Records in the audit log a form the page could not even read (e.g. a figure that is not a
  // number), so refused input is on record like the refusals of the calls above. `action` is one
  // of this service's ("decision_figures.save", "normative_document.create", ...).
  void RecordRefusedForm(const Actor& actor, const std::string& action, const std::string& entity,
                         const std::vector<std::string>& problems);

  // Table 二 as the agency's records give it for the year (see TallyTable2), for reading.
  Result<report::ReportData> CountTable2(const Actor& actor, int64_t agency_id, int year);

 private:
  storage::Store& store_;
  const Clock& clock_;
};

// Table 二 counted from the agency's records for `year` (annual-report.md §7): the six document
// cells always (0 without documents); the four decision and fee cells only when the year's figures
// were entered.
Result<report::ReportData> TallyTable2(storage::Transaction& tx, int64_t agency_id, int year);

}  // namespace gongkai::service
