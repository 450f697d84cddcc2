// Reports in the 2019 trial format: JSON cell ids are checked against that format, and the text
// rendering shows its Table 二 and its single （六）其他处理 row.
#include <gtest/gtest.h>

#include "core/report/format.h"
#include "io/report_json.h"
#include "io/report_text.h"

namespace gongkai::io {
namespace {

std::string Json(const char* format, const char* t3) {
  return std::string(R"({"schema": "gongkai.annual-report/1", "year": 2020, "format": ")") +
         format +
         R"(", "tables": {"t2": {"other_services.change": -2, "procurement.amount": 12345678}, "t3": )" +
         t3 + "}}";
}

TEST(ReportFormat2019Test, JsonCellsFollowTheReportsFormat) {
  auto r = ReportFromJson(Json("2019", R"({"other.natural": 1, "other.total": 1})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->Get("t3.other.total"), 1);
  EXPECT_EQ(r->Get("t2.other_services.change"), -2);
  auto round = ReportFromJson(ReportToJson(*r));
  ASSERT_TRUE(round.ok());
  EXPECT_EQ(ReportToJson(*round), ReportToJson(*r));

  auto bad = ReportFromJson(Json("2019", R"({"other.other.total": 1})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("tables.t3.other.other.total"), std::string::npos);
  EXPECT_NE(bad.status().message().find("2019"), std::string::npos);
  // The 2021 format has no t2.other_services nor a single t3.other row.
  EXPECT_FALSE(ReportFromJson(Json("2021", R"({"other.total": 1})")).ok());
}

TEST(ReportFormat2019Test, RendersTheTrialLayout) {
  report::ReportData r;
  r.year = 2020;
  r.format_id = "2019";
  for (const auto& cell : report::Format2019().all_cells) r.Set(cell, 0);
  r.Set("t3.other.total", 4);
  r.Set("t2.procurement.amount", 12345678);
  r.Set("t2.licensing.change", -3);
  std::string text = RenderReport(r, "2020年报", TextFlavor::kPlain);
  for (const char* expected : {"第二十条第（九）项", "政府集中采购", "采购总金额（单位：万元）",
                               "12.3457", "其他对外管理服务事项", "上一年项目数量", "本年增/减",
                               "-3", "本年新制作数量", "（六）其他处理\t0\t0\t0\t0\t0\t0\t4"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("3.其他"), std::string::npos);
  EXPECT_EQ(text.find("现行有效件数"), std::string::npos);
  std::string md = RenderReport(r, "2020年报", TextFlavor::kMarkdown);
  EXPECT_NE(md.find("| 行政事业性收费 | 0 | 0 |"), std::string::npos) << md;
}

}  // namespace
}  // namespace gongkai::io
