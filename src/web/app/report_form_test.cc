// Reading the report form: what people type with Chinese input methods, dashes and blanks, money in
// 万元, and forms that are not whole.
#include "web/app/report_form.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

FormFields FullForm(const report::FormatDef& f) {
  FormFields form;
  for (const auto* t : {&f.t2, &f.t3, &f.t4})
    for (const auto& id : t->CellIds()) form.Add(CellField(id), "0");
  for (const char* n : {"一", "五", "六"}) form.Add(NarrativeField(n), "");
  form.Add("row_version", "7");
  return form;
}

FormFields With(const report::FormatDef& f, const std::string& cell, const std::string& value) {
  FormFields full = FullForm(f), form;
  for (const auto& [name, v] : full.all())
    form.Add(name, name == CellField(cell) ? value : v);
  return form;
}

TEST(ReportFormTest, ReadsWhatPeopleType) {
  const report::FormatDef& f = report::Format2021();
  struct Case {
    const char* cell;
    const char* typed;
    report::CellState state;
    int64_t value;
  } cases[] = {
      {"t3.new.natural", "12", report::CellState::kNumber, 12},
      {"t3.new.natural", "１２", report::CellState::kNumber, 12},   // full-width digits
      {"t3.new.natural", " 12　", report::CellState::kNumber, 12},  // ideographic space
      {"t3.new.natural", "", report::CellState::kBlank, 0},
      {"t3.new.natural", "/", report::CellState::kDash, 0},
      {"t3.new.natural", "—", report::CellState::kDash, 0},
      {"t3.new.natural", "－", report::CellState::kDash, 0},
      {"t2.fees.amount", "1.2345", report::CellState::kNumber, 1234500},  // 万元 → fen
      {"t2.fees.amount", "０．５", report::CellState::kNumber, 500000},
      {"t2.fees.amount", "3", report::CellState::kNumber, 3000000},
  };
  for (const Case& c : cases) {
    ParsedForm p = ParseReportForm(f, With(f, c.cell, c.typed));
    ASSERT_TRUE(p.errors.empty()) << c.typed << ": " << p.errors.front();
    EXPECT_EQ(p.data.cells[c.cell].state, c.state) << c.typed;
    EXPECT_EQ(p.data.cells[c.cell].value, c.value) << c.typed;
    EXPECT_EQ(p.row_version, 7);
  }
}

TEST(ReportFormTest, EveryBadCellIsNamedAndKeptAsTyped) {
  const report::FormatDef& f = report::Format2021();
  FormFields full = FullForm(f), form;
  for (const auto& [name, v] : full.all()) {
    if (name == CellField("t3.new.natural"))
      form.Add(name, "-3");
    else if (name == CellField("t3.new.total"))
      form.Add(name, "1.5");
    else if (name == CellField("t3.granted.natural"))
      form.Add(name, "三");
    else if (name == CellField("t2.fees.amount"))
      form.Add(name, "0.12345");
    else
      form.Add(name, v);
  }
  ParsedForm p = ParseReportForm(f, form);
  ASSERT_EQ(p.errors.size(), 4u);
  EXPECT_NE(p.cell_errors["t3.new.natural"].find("不能为负数"), std::string::npos);
  EXPECT_NE(p.cell_errors["t3.new.total"].find("整数"), std::string::npos);
  EXPECT_NE(p.cell_errors["t3.granted.natural"].find("「自然人」"), std::string::npos);
  EXPECT_NE(p.cell_errors["t2.fees.amount"].find("万元"), std::string::npos);
  EXPECT_EQ(p.raw["t3.granted.natural"], "三");
}

TEST(ReportFormTest, AMissingFieldIsAnErrorNotABlank) {
  const report::FormatDef& f = report::Format2021();
  FormFields full = FullForm(f), form;
  for (const auto& [name, v] : full.all())
    if (name != CellField("t4.review.total") && name != NarrativeField("五")) form.Add(name, v);
  ParsedForm p = ParseReportForm(f, form);
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_NE(p.errors[0].find("表单不完整"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
