// Reading a published annual report's figures from what a reader found in the file
// (source_document.h): title, agency, year, format version, the six sections and every cell of
// Tables 二/三/四. Deterministic and offline. A cell that cannot be read is marked unreadable,
// never taken as 0; blank cells and dashes stay blank and dash (rule T3-05 and friends see them).
//
// Rows are found by their official labels (annual-report.md §2–4), so layouts differ freely:
// tab-separated pastes whose merged cells spill over lines, space-aligned text, HTML and Word
// grids, pdftotext's layout with tables split across pages and labels wrapped over several lines.
#pragma once

#include <string>
#include <vector>

#include "core/report/format.h"
#include "core/report/report_data.h"
#include "core/report/source_document.h"

namespace gongkai::report {

struct ExtractionProblem {
  std::string cell;  // the cell concerned, or "" for the document
  int line = 0;      // the source line, when the reader knows it
  std::string message_en;
  std::string message_zh;
};

struct ExtractedReport {
  std::string title;        // the title line as printed, "" when none was found
  std::string agency_name;  // from the title, e.g. "三门峡市湖滨区磁钟乡人民政府"
  int year = 0;             // the report year; 0 when the document does not say
  ReportData data;          // format_id "2021" or "2019"; every cell of that format present
  // Why the format was taken to be what it is, e.g. "Table 二 has the 2019 column 本年新制作数量".
  std::string format_reason;
  std::string format_reason_zh;             // the same in Chinese, for the back office
  std::vector<ExtractionProblem> problems;  // cells unreadable or missing, rows found twice, …
  int cells_read = 0;                       // cells found with a number, blank or dash
};

struct ExtractOptions {
  // Used when the document does not state its year (e.g. taken from the file name).
  int year_hint = 0;
};

ExtractedReport ExtractReport(const SourceDocument& doc, const ExtractOptions& options = {});

}  // namespace gongkai::report
