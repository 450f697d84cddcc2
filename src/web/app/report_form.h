// The annual report in the back office: the editable grid (every cell of Tables 二/三/四 with its
// official labels, its violations and the user's own input when it could not be saved), and the
// form's fields read back into figures. Every bad cell is reported at once, by its official name.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/report/format.h"
#include "core/report/report_data.h"
#include "service/report_service.h"
#include "web/http/form.h"

namespace gongkai::web {

// Form field of a cell: "c.t3.new.natural"; of a narrative section: "n.一".
std::string CellField(const std::string& cell);
std::string NarrativeField(const std::string& numeral);

// What a cell shows in its input: a count, 万元 with four decimals for money, "/" for a dash, the
// unreadable text itself, or "" for blank.
std::string CellInputText(const report::FormatDef& f, const report::ReportData& d,
                          const std::string& cell);

struct ParsedForm {
  report::ReportData data;
  int64_t row_version = 0;  // the version the form was loaded at (re-shown pages keep it)
  std::map<std::string, std::string> raw;          // cell → what was typed, for re-display
  std::vector<std::string> errors;                 // in Chinese, one per bad cell
  std::map<std::string, std::string> cell_errors;  // cell → its error
};
// Reads every cell and narrative section of format f from the form. Counts are non-negative
// integers (full-width digits and spaces accepted); money is 万元 with at most four decimals; "" is
// blank and "/", "-", "—" are dashes (both reported by rule T3-05, not refused). A field missing
// from the form (a truncated or forged post) is an error, never taken as blank.
ParsedForm ParseReportForm(const report::FormatDef& f, const FormFields& form);

// Tables 二/三/四 (each cell's value, class, and the violations it is in, as anchors and rule ids)
// and the violations, numbered for links as anchor_prefix + "v-N": the report page's grid, and the
// audit page's tables, where several reports share a page. can_accept: warnings may be explained.
struct ChecksAndTables {
  nlohmann::json checks;
  nlohmann::json tables;  // empty when the format is unknown
};
ChecksAndTables ReportTablesModel(const report::FormatDef* f, const report::ReportData& d,
                                  const std::vector<service::CheckedViolation>& checks,
                                  const ParsedForm* input, const std::string& anchor_prefix,
                                  bool can_accept);

// The page model: figures (the stored ones, or the user's input when given), violations by cell,
// accepted warnings, versions and what this user may do now.
nlohmann::json ReportPageModel(const service::ReportView& view, const User& user,
                               const ParsedForm* input);

}  // namespace gongkai::web
