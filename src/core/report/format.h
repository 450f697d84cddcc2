// The national annual-report format as data (annual-report.md §1–4): sections, Tables 二/三/四 with
// stable row and column ids. One FormatDef per official version; a future revision is a new
// definition, not new code. Cell ids are "<table>.<row>.<column>", e.g. "t3.new.natural",
// "t4.review.upheld", "t2.fees.amount" (Table 二 rows have their own columns; Table 四's "row" is
// the block: review / suit_direct / suit_after_review).
//
// Two definitions exist:
//  - "2021" (国办公开办函〔2021〕30号, report years 2021 onward): the ids of annual-report.md §2–4.
//  - "2019" (国办公开办函〔2019〕60号, the trial format of report years 2019–2020, import only;
//  §6).
//    Table 三 and Table 四 as in 2021 except that （六）其他处理 is the single row `other`
//    (t3.other.natural … t3.other.total). Table 二:
//      t2.rules|normative . produced (本年新制作数量) | published (本年新公开数量) | total
//      (对外公开总数量) t2.licensing|other_services|penalty|coercion . previous (上一年项目数量) |
//      change (本年增/减,
//        may be negative) | decisions (处理决定数量); other_services is 其他对外管理服务事项
//      t2.fees . previous | change (行政事业性收费: 上一年项目数量 / 本年增/减)
//      t2.procurement . projects (采购项目数量) | amount (采购总金额, money in fen like
//      t2.fees.amount)
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

// One table: every row has every column (Table 二 is three small tables, so it lists its cells
// instead).
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
  // Cells that may be negative (the 2019 format's 本年增/减); every other cell is a count ≥ 0.
  std::vector<std::string> signed_cells;
  // Table 三's result rows whose sum is handled_total (rule T3-02), in table order.
  std::vector<std::string> t3_result_rows;
  // Every cell id of the three tables, sorted (filled when the definition is built).
  std::vector<std::string> all_cells;

  bool HasCell(std::string_view cell) const;
  bool IsMoney(std::string_view cell) const;
};

const FormatDef& Format2021();
// The 2019 trial format (report years 2019–2020), for importing and checking old reports only.
const FormatDef& Format2019();
// The format for generating a report of this year; nullptr for years before 2021 (the 2019 trial
// format is import-only: see FormatForImport).
const FormatDef* FormatForYear(int year);
// The format a published report of this year is expected to use: 2019 for 2019–2020, 2021 from
// 2021; nullptr before 2019 (no national format).
const FormatDef* FormatForImport(int year);
// The definition with this id ("2021", "2019"), or nullptr when unknown.
const FormatDef* FormatById(std::string_view id);

std::string CellId(std::string_view table, std::string_view row, std::string_view column);

// The 2021 format's Table 三 result rows (granted … other.other) whose sum is handled_total (rule
// T3-02); Format2021().t3_result_rows is the same list.
const std::vector<std::string>& T3ResultRows();
// Table 三's applicant columns whose sum is total (rule T3-03).
const std::vector<std::string>& T3ApplicantColumns();

}  // namespace gongkai::report
