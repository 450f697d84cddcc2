// The 2019 trial format: its shape (annual-report.md §6), lookup by id and year, and CheckReport in
// that format.
#include <gtest/gtest.h>

#include "core/report/format.h"
#include "core/report/rules.h"

namespace gongkai::report {
namespace {

std::vector<std::string> Rules(const std::vector<Violation>& vs) {
  std::vector<std::string> out;
  for (const auto& v : vs) out.push_back(v.rule);
  return out;
}

ReportData Zeros2019(int year = 2020) {
  ReportData r;
  r.year = year;
  r.format_id = "2019";
  r.sections = {"一", "二", "三", "四", "五", "六"};
  for (const auto& cell : Format2019().all_cells) r.Set(cell, 0);
  return r;
}

TEST(Format2019Test, ShapeAndLookup) {
  const FormatDef& f = Format2019();
  EXPECT_EQ(f.id, "2019");
  EXPECT_EQ(f.document, "国办公开办函〔2019〕60号");
  EXPECT_EQ(f.first_year, 2019);
  EXPECT_EQ(f.t2.CellIds().size(), 6u + 12u + 2u + 2u);
  EXPECT_EQ(f.t3.rows.size(), 23u);
  EXPECT_EQ(f.t3_result_rows.size(), 19u);
  EXPECT_EQ(f.t3_result_rows.back(), "other");
  EXPECT_EQ(f.t4.CellIds().size(), 15u);
  EXPECT_TRUE(f.HasCell("t2.other_services.decisions"));
  EXPECT_TRUE(f.HasCell("t2.procurement.amount"));
  EXPECT_TRUE(f.IsMoney("t2.procurement.amount"));
  EXPECT_TRUE(f.HasCell("t3.other.total"));
  EXPECT_FALSE(f.HasCell("t3.other.other.total"));
  EXPECT_FALSE(f.HasCell("t2.normative.in_force"));
  EXPECT_EQ(Format2021().t3_result_rows, T3ResultRows());

  EXPECT_EQ(FormatById("2019"), &f);
  EXPECT_EQ(FormatById("2021"), &Format2021());
  EXPECT_EQ(FormatById("2030"), nullptr);
  EXPECT_EQ(FormatForYear(2020), nullptr);  // never generate a report in the trial format
  EXPECT_EQ(FormatForImport(2018), nullptr);
  EXPECT_EQ(FormatForImport(2019), &f);
  EXPECT_EQ(FormatForImport(2020), &f);
  EXPECT_EQ(FormatForImport(2021), &Format2021());
}

TEST(Format2019Test, CheckReportUsesTheReportsFormat) {
  ReportData r = Zeros2019();
  EXPECT_EQ(Rules(CheckReport(r, nullptr)), std::vector<std::string>{});

  // （六）其他处理 is one row: 3 new = 2 granted + 1 other.
  for (const char* col : {"natural", "total"}) {
    r.Set(CellId("t3", "new", col), 3);
    r.Set(CellId("t3", "granted", col), 2);
    r.Set(CellId("t3", "other", col), 1);
    r.Set(CellId("t3", "handled_total", col), 3);
  }
  r.Set("t2.licensing.change", -4);  // 本年增/减 may be negative
  EXPECT_EQ(Rules(CheckReport(r, nullptr)), std::vector<std::string>{});

  r.Set("t3.other.natural", 2);  // T3-02 (natural) and T3-03 (other row)
  r.Set("t2.penalty.decisions", -1);
  auto vs = CheckReport(r, nullptr);
  ASSERT_EQ(Rules(vs), (std::vector<std::string>{"T2-01", "T3-02", "T3-03"}));
  EXPECT_EQ(vs[1].cells.back(), "t3.other.natural");
  EXPECT_NE(vs[2].message_zh.find("（六）其他处理"), std::string::npos) << vs[2].message_zh;
}

TEST(Format2019Test, TrialFormatFor2021IsN03AndCarryOverCrossesFormats) {
  ReportData r = Zeros2019(2021);
  EXPECT_EQ(Rules(CheckReport(r, nullptr)), std::vector<std::string>{"N-03"});

  // A 2021-format report after a 2019-format 2020 report: Y-01 still compares the carry-over.
  ReportData prev = Zeros2019(2020), now;
  now.year = 2021;
  now.format_id = "2021";
  now.sections = prev.sections;
  for (const auto& cell : Format2021().all_cells) now.Set(cell, 0);
  prev.Set("t3.carried_out.natural", 1);
  prev.Set("t3.carried_out.total", 1);
  prev.Set("t3.new.natural", 1);
  prev.Set("t3.new.total", 1);
  EXPECT_EQ(Rules(CheckReport(now, &prev)), (std::vector<std::string>{"Y-01", "Y-01"}));
}

TEST(Format2019Test, UnknownFormatIsN03) {
  ReportData r = Zeros2019(2020);
  r.format_id = "1999";
  auto vs = CheckReport(r, nullptr);
  ASSERT_EQ(Rules(vs), std::vector<std::string>{"N-03"});
  EXPECT_NE(vs[0].message_zh.find("未知格式"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::report
