// The figures of one annual report, as entered, imported or computed. A cell that is blank, a dash
// ("/", "-", "—") or could not be read is kept as such, never silently taken as 0 (annual-report.md T3-05).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gongkai::report {

enum class CellState { kNumber, kBlank, kDash, kUnreadable };

struct CellValue {
  CellState state = CellState::kNumber;
  int64_t value = 0;  // counts; money in fen. Only meaningful for kNumber.
  std::string text;   // what was read, for kUnreadable (shown in the violation)
  static CellValue Number(int64_t v) { return {CellState::kNumber, v, ""}; }
  static CellValue Blank() { return {CellState::kBlank, 0, ""}; }
  static CellValue Dash() { return {CellState::kDash, 0, ""}; }
  static CellValue Unreadable(std::string text) { return {CellState::kUnreadable, 0, std::move(text)}; }
};

struct ReportData {
  int year = 0;
  std::string format_id;  // "2021"; "2019" for the trial format
  std::map<std::string, CellValue> cells;  // by cell id; a missing cell counts as blank
  // Section numerals found in the narrative, in document order (e.g. 一 二 三 四 五 六).
  std::vector<std::string> sections;
  // Narrative text of sections 一, 五 and 六 by numeral (sections 二–四 are the tables).
  std::map<std::string, std::string> narrative;

  // The value used for arithmetic: blank, dash and unreadable count as 0 (their own rules report them).
  int64_t Get(const std::string& cell) const;
  void Set(const std::string& cell, int64_t value) { cells[cell] = CellValue::Number(value); }
};

}  // namespace gongkai::report
