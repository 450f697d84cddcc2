// Yearly decision and fee figures of an agency (Art. 20 (5), (6), (8)): how many licensing
// (行政许可), penalty (行政处罚) and coercion (行政强制) decisions it made in a year, and the
// administrative fees (行政事业性收费) it collected, in fen. What Table 二's other four cells are
// taken from (annual-report.md §2: decision counts include every decision of the year, disclosed
// or not).
//
// The figures are entered by hand or imported from a CSV file (ReadFiguresCsv): every row is
// checked and every problem reported with its line and column, so a caller can refuse the whole
// file when any row is bad.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/report/report_data.h"
#include "core/status.h"

namespace gongkai::disclosure {

// The first year figures may be given for (the first year of the 2008 regulations' reports).
inline constexpr int kFirstFiguresYear = 2008;
inline constexpr int64_t kMaxDecisionCount = 999'999'999;
inline constexpr int64_t kMaxFeeFen = 1'000'000'000'000;  // 10^6 万元

struct DecisionFigures {
  int64_t id = 0;
  int64_t agency_id = 0;
  int year = 0;
  int64_t licensing = 0;  // 行政许可 decisions
  int64_t penalty = 0;    // 行政处罚 decisions
  int64_t coercion = 0;   // 行政强制 decisions
  int64_t fee_fen = 0;    // 行政事业性收费, fen (shown in 万元)
  std::string updated_by{}, updated_at{};
  int64_t version = 0;
};

// Year between kFirstFiguresYear and today's year; counts and fee not negative and bounded.
Status ValidateDecisionFigures(const DecisionFigures& f, Date today);

// Sets t2.licensing.decisions, t2.penalty.decisions, t2.coercion.decisions and t2.fees.amount.
void TallyTable2Figures(const DecisionFigures& f, report::ReportData& data);

// An agency a CSV row may name: by id, or by its exact full name.
struct AgencyName {
  int64_t id = 0;
  std::string name;
};

// One problem of a CSV file: where it is and what is wrong, in English (logs) and Chinese (pages).
struct CsvProblem {
  int line = 0;            // 1-based line of the file; 0: the file as a whole
  std::string column;      // the column's English key ("penalty"), empty for the whole row
  std::string message;     // "line 3, column penalty: 'abc' is not a whole number"
  std::string message_zh;  // "第3行“行政处罚”列：“abc”不是整数"
};

// One record of a CSV file and the line it starts on.
struct CsvLine {
  int line = 0;
  std::vector<std::string> fields;
};

struct FiguresCsv {
  std::vector<DecisionFigures> rows;  // one per data record, in file order (agency_id resolved)
  std::vector<int> lines;             // the line of each row
  std::vector<CsvProblem> problems;   // empty iff every row is good
};

// Reads figure rows. The first record is the header naming the columns, in any order: agency
// (单位: an id or an exact name from `agencies`), year (年度), licensing (行政许可), penalty
// (行政处罚), coercion (行政强制) and fee (行政事业性收费（万元）: up to four decimals); both the
// English keys and the Chinese names are accepted. Every problem is reported: an unknown, missing
// or repeated column, a record with the wrong number of fields, a figure that is not a number or
// is negative, an unknown agency, a year outside kFirstFiguresYear..today's year, the same agency
// and year twice, no data at all.
FiguresCsv ReadFiguresCsv(std::span<const CsvLine> records, std::span<const AgencyName> agencies,
                          Date today);

// The header of a CSV file ReadFiguresCsv reads (Chinese column names), for a template file.
std::string FiguresCsvHeader();

}  // namespace gongkai::disclosure
