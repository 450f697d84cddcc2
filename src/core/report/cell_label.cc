#include "core/report/cell_label.h"

namespace gongkai::report {

std::string CellLabel(const FormatDef& f, const std::string& cell) {
  size_t a = cell.find('.'), b = cell.rfind('.');
  if (a == std::string::npos || a == b) return cell;
  std::string table = cell.substr(0, a), row = cell.substr(a + 1, b - a - 1),
              col = cell.substr(b + 1);
  const TableDef* t = table == "t2"   ? &f.t2
                      : table == "t3" ? &f.t3
                      : table == "t4" ? &f.t4
                                      : nullptr;
  if (t == nullptr) return cell;
  std::string row_label = row, col_label = col;
  for (const auto& r : t->rows) {
    if (r.id == row) row_label = r.label;
  }
  for (const auto& c : t->columns) {
    if (c.id == col) col_label = c.label;
  }
  const char* name = table == "t2" ? "表二" : table == "t3" ? "表三" : "表四";
  return std::string(name) + "「" + row_label + "」/「" + col_label + "」";
}

}  // namespace gongkai::report
