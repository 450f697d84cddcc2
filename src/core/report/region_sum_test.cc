#include "core/report/region_sum.h"

#include <gtest/gtest.h>

#include "core/report/format.h"

namespace gongkai::report {
namespace {

ReportData Unit(int64_t new_natural, int year = 2023, const char* format = "2021") {
  ReportData r;
  r.year = year;
  r.format_id = format;
  r.Set("t3.new.natural", new_natural);
  r.Set("t3.new.total", new_natural);
  r.Set("t2.fees.amount", 150);
  r.cells["t4.review.total"] = CellValue::Dash();
  return r;
}

TEST(RegionSumTest, SumsEveryCellOfTheFormat) {
  ReportData a = Unit(2), b = Unit(5);
  b.cells["t3.new.legal"] = CellValue::Blank();
  auto sum = SumReports({&a, &b}, 2023);
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_EQ(sum->format_id, "2021");
  EXPECT_EQ(sum->year, 2023);
  EXPECT_EQ(sum->cells.size(), Format2021().all_cells.size());
  EXPECT_EQ(sum->Get("t3.new.natural"), 7);
  EXPECT_EQ(sum->Get("t3.new.total"), 7);
  EXPECT_EQ(sum->Get("t2.fees.amount"), 300);
  EXPECT_EQ(sum->cells.at("t4.review.total").state, CellState::kNumber);  // dashes count 0
  EXPECT_EQ(sum->Get("t4.review.total"), 0);
  EXPECT_TRUE(CheckRegionSum(*sum, {&a, &b}).empty());
}

TEST(RegionSumTest, RefusesMixedYearsFormatsAndNoUnits) {
  ReportData a = Unit(1), other_year = Unit(1, 2022), other_format = Unit(1, 2023, "2019");
  EXPECT_FALSE(SumReports({}, 2023).ok());
  auto y = SumReports({&a, &other_year}, 2023);
  ASSERT_FALSE(y.ok());
  EXPECT_NE(y.status().message().find("unit 2"), std::string::npos);
  auto f = SumReports({&a, &other_format}, 2023);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().ui_message().find("2019"), std::string::npos);
}

TEST(RegionSumTest, ReportsEveryCellThatDiffers) {
  ReportData a = Unit(2), b = Unit(5);
  ReportData claimed = SumReports({&a, &b}, 2023).value();
  claimed.Set("t3.new.natural", 6);
  claimed.Set("t2.fees.amount", 0);
  auto vs = CheckRegionSum(claimed, {&a, &b});
  ASSERT_EQ(vs.size(), 2u);
  for (const auto& v : vs) {
    EXPECT_EQ(v.rule, "A-01");
    EXPECT_EQ(v.severity, Severity::kWarning);
    EXPECT_TRUE(v.has_numbers);
    EXPECT_FALSE(v.message_en.empty());
  }
  // Sorted cell ids: t2 before t3.
  EXPECT_EQ(vs[0].cells[0], "t2.fees.amount");
  EXPECT_EQ(vs[0].expected, 300);
  EXPECT_EQ(vs[0].found, 0);
  EXPECT_EQ(vs[1].cells[0], "t3.new.natural");
  EXPECT_EQ(vs[1].expected, 7);
  EXPECT_EQ(vs[1].found, 6);
  EXPECT_NE(vs[1].message_zh.find("自然人"), std::string::npos) << vs[1].message_zh;
}

}  // namespace
}  // namespace gongkai::report
