// The three statistical tables of the annual report as grids of merged cells, built once from the
// format definition so that HTML, DOCX, PDF and XLSX draw the same official layout
// (annual-report.md §2–4): which cells are merged, which rows are headers (repeated on each page),
// and which cells hold figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/report/format.h"
#include "core/report/report_data.h"
#include "core/status.h"

namespace gongkai::render {

enum class CellKind {
  kNote,    // Table 三's top-left rule note
  kHeader,  // column heading (in the header rows) or a block title (Table 二)
  kLabel,   // row heading: the official row label or a group label spanning rows
  kFigure,  // a number (or blank, dash, unreadable text)
};

struct LayoutCell {
  int row = 0, col = 0;  // top-left position in the grid
  int row_span = 1, col_span = 1;
  CellKind kind = CellKind::kFigure;
  std::string text;  // as printed: figures already formatted ("12", "1.2346", "/", "")
  // Figures only: the stored value and whether it is money (fen, printed in 万元).
  std::string cell_id;
  std::optional<report::CellValue> value;
  bool money = false;
};

struct TableLayout {
  std::string id;          // "t2", "t3", "t4"
  std::string caption;     // "表三 收到和处理政府信息公开申请情况"
  std::string short_name;  // sheet name: "表三 依申请公开"
  int rows = 0, cols = 0;
  int header_rows = 0;  // the first rows repeated when the table continues on a new page
  std::vector<double> col_weights;  // relative column widths (sum 1.0)
  std::vector<LayoutCell> cells;    // in row-major order of their top-left corner
  // The cell covering each grid position, row-major (rows × cols); nullptr where none does.
  std::vector<const LayoutCell*> Grid() const;
};

struct ReportLayout {
  const report::FormatDef* format = nullptr;
  TableLayout t2, t3, t4;
};

// The format of the report (by data.format_id; an empty id means the format for data.year), or
// InvalidArgument when unknown.
Result<const report::FormatDef*> ResolveFormat(const report::ReportData& data);
Result<ReportLayout> BuildLayout(const report::ReportData& data);

// A figure as printed: number, 万元 with four decimals for money, "" blank, "/" dash, unreadable
// text as read.
std::string FigureText(const report::ReportData& data, const std::string& cell_id, bool money);

// The heading line of a section: "一、总体情况".
std::string SectionHeading(const report::SectionDef& s);

}  // namespace gongkai::render
