#include "core/report/format.h"

#include <algorithm>
#include <functional>

#include "core/report/format_builders.h"

namespace gongkai::report {

std::string CellId(std::string_view table, std::string_view row, std::string_view column) {
  std::string id(table);
  id += '.';
  id += row;
  id += '.';
  id += column;
  return id;
}

std::vector<std::string> TableDef::CellIds() const {
  if (!cells.empty()) return cells;
  std::vector<std::string> out;
  for (const auto& r : rows) {
    for (const auto& c : columns) out.push_back(CellId(id, r.id, c.id));
  }
  return out;
}

const std::vector<std::string>& T3ResultRows() {
  static const std::vector<std::string> kRows = {"granted",
                                                 "partial",
                                                 "withheld.state_secret",
                                                 "withheld.prohibited",
                                                 "withheld.security_stability",
                                                 "withheld.third_party",
                                                 "withheld.internal_affairs",
                                                 "withheld.process_info",
                                                 "withheld.enforcement_files",
                                                 "withheld.inquiry",
                                                 "unable.not_held",
                                                 "unable.needs_creation",
                                                 "unable.unclear",
                                                 "rejected.petition",
                                                 "rejected.repeat",
                                                 "rejected.publication",
                                                 "rejected.excessive",
                                                 "rejected.confirm_reissue",
                                                 "other.no_correction",
                                                 "other.no_payment",
                                                 "other.other"};
  return kRows;
}

const std::vector<std::string>& T3ApplicantColumns() {
  static const std::vector<std::string> kColumns = {"natural",   "commercial", "research",
                                                    "nonprofit", "legal",      "other_org"};
  return kColumns;
}

void FinishFormat(FormatDef* f) {
  f->t3_result_rows.clear();
  bool in_results = false;
  for (const auto& row : f->t3.rows) {
    if (row.id == "handled_total") break;
    if (in_results) f->t3_result_rows.push_back(row.id);
    if (row.id == "carried_in") in_results = true;
  }
  f->all_cells.clear();
  for (const TableDef* t : {&f->t2, &f->t3, &f->t4}) {
    for (auto& cell : t->CellIds()) f->all_cells.push_back(std::move(cell));
  }
  std::sort(f->all_cells.begin(), f->all_cells.end());
}

bool FormatDef::HasCell(std::string_view cell) const {
  return std::binary_search(all_cells.begin(), all_cells.end(), cell, std::less<>());
}

bool FormatDef::IsMoney(std::string_view cell) const {
  return std::find(money_cells.begin(), money_cells.end(), cell) != money_cells.end();
}

const FormatDef& Format2021() {
  static const FormatDef kFormat = [] {
    FormatDef f = Build2021();
    FinishFormat(&f);
    return f;
  }();
  return kFormat;
}

const FormatDef& Format2019() {
  static const FormatDef kFormat = [] {
    FormatDef f = Build2019();
    FinishFormat(&f);
    return f;
  }();
  return kFormat;
}

const FormatDef* FormatForYear(int year) { return year >= 2021 ? &Format2021() : nullptr; }

const FormatDef* FormatForImport(int year) {
  if (year >= 2021) return &Format2021();
  return year >= 2019 ? &Format2019() : nullptr;
}

const FormatDef* FormatById(std::string_view id) {
  if (id == Format2021().id) return &Format2021();
  if (id == Format2019().id) return &Format2019();
  return nullptr;
}

}  // namespace gongkai::report
