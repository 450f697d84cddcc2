// The national annual-report format as data (annual-report.md §1–4): sections, Tables 二/三/四 with stable
// row and column ids. One FormatDef per official version; a future revision is a new definition, not new
// code. Cell ids are "<table>.<row>.<column>", e.g. "t3.new.natural", "t4.review.upheld", "t2.fees.amount"
// (Table 二 rows have their own columns; Table 四's "row" is the block: review / suit_direct / suit_after_review).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::report {

struct RowDef {
  std::string id;     // "withheld.state_secret"
  std::string label;  // "1.属于国家秘密"
  std::string group;  // "（三）不予公开" or "" — printed as a merged header, never summed
};

struct ColumnDef {
  std::string id;  // "natural"
  std::string label;
};

// One table: every row has every column (Table 二 is three small tables, so it lists its cells instead).
struct TableDef {
  std::string id;  // "t2", "t3", "t4"
  std::string title;
  std::vector<RowDef> rows;
  std::vector<ColumnDef> columns;
  // Explicit cells when rows do not share columns (Table 二); empty means rows × columns.
  std::vector<std::string> cells;
  std::vector<std::string> CellIds() const;
};

struct SectionDef {
  std::string numeral;  // "一"
  std::string heading;  // "总体情况"
};

struct FormatDef {
  std::string id;        // "2021"
  std::string document;  // "国办公开办函〔2021〕30号"
  int first_year = 0;    // first report year the format applies to
  std::vector<SectionDef> sections;
  TableDef t2, t3, t4;
  // Cells whose value is money in fen (rendered in 万元), not a count.
  std::vector<std::string> money_cells;
};

const FormatDef& Format2021();
// The format for a report year; nullptr for years before 2021 (the 2019 trial format is import-only).
const FormatDef* FormatForYear(int year);
// The definition with this id ("2021"), or nullptr when unknown.
const FormatDef* FormatById(std::string_view id);

std::string CellId(std::string_view table, std::string_view row, std::string_view column);

// Table 三's result rows (granted … other.other) whose sum is handled_total (rule T3-02).
const std::vector<std::string>& T3ResultRows();
// Table 三's applicant columns whose sum is total (rule T3-03).
const std::vector<std::string>& T3ApplicantColumns();

}  // namespace gongkai::report
