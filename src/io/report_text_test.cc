// The rendering follows the official layout: compared with the real published report in
// shared/fixtures (headings, every Table 二/三/四 label, and its figures, all zero for 磁钟乡 2023).
#include "io/report_text.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/report/format.h"

namespace gongkai::io {
namespace {

// Spaces and tabs out, ASCII brackets and commas to the full-width ones the format uses.
std::string Normalise(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    if (c == '(') {
      out += "（";
    } else if (c == ')') {
      out += "）";
    } else if (c == ',') {
      out += "，";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Fixture() {
  const char* root = std::getenv("GONGKAI_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : ".") + "/../shared/fixtures/seed-annual-report-2023-cizhong.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

report::ReportData SeedFigures() {
  report::ReportData r;
  r.year = 2023;
  r.format_id = "2021";
  const report::FormatDef& f = report::Format2021();
  for (const report::TableDef* t : {&f.t2, &f.t3, &f.t4}) {
    for (const auto& cell : t->CellIds()) r.Set(cell, 0);
  }
  r.narrative["一"] = "（示例）本年度主动公开政府信息21条。";
  return r;
}

TEST(ReportTextTest, HeadingsAndLabelsMatchThePublishedReport) {
  std::string fixture = Fixture();
  ASSERT_FALSE(fixture.empty()) << "shared/fixtures is next to the project root";
  std::string nf = Normalise(fixture);
  std::string text = RenderReport(SeedFigures(), "三门峡市湖滨区磁钟乡人民政府2023年政府信息公开工作年度报告", TextFlavor::kPlain);
  std::string nt = Normalise(text);
  const report::FormatDef& f = report::Format2021();
  size_t at_text = 0;
  for (const auto& s : f.sections) {
    std::string h = s.numeral + "、" + s.heading;
    EXPECT_NE(nf.find(h), std::string::npos) << "fixture lacks " << h;
    size_t pos = nt.find(h, at_text);
    ASSERT_NE(pos, std::string::npos) << "rendering lacks " << h << " in order";
    at_text = pos;
  }
  for (const report::TableDef* t : {&f.t2, &f.t3, &f.t4}) {
    for (const auto& row : t->rows) {
      EXPECT_NE(nf.find(Normalise(row.label)), std::string::npos) << "fixture lacks " << row.label;
      EXPECT_NE(nt.find(Normalise(row.label)), std::string::npos) << "rendering lacks " << row.label;
    }
  }
  // Every Table 三 row has seven zeros in both (the seed agency received no applications).
  for (const auto& row : f.t3.rows) {
    std::string zeros = Normalise(row.label) + "0000000";
    EXPECT_NE(nt.find(zeros), std::string::npos) << row.label;
  }
  EXPECT_NE(nf.find("一、本年新收政府信息公开申请数量0000000"), std::string::npos);
  EXPECT_NE(text.find("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), std::string::npos);
  EXPECT_NE(text.find("本年收费金额（单位：万元）"), std::string::npos);
  EXPECT_NE(text.find("0.0000"), std::string::npos);
}

TEST(ReportTextTest, MarkdownAndMoney) {
  std::string md = RenderReport(SeedFigures(), "年报", TextFlavor::kMarkdown);
  EXPECT_NE(md.find("## 三、收到和处理政府信息公开申请情况"), std::string::npos);
  EXPECT_NE(md.find("| （七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"), std::string::npos) << md;
  EXPECT_EQ(FenToWanYuan(0), "0.0000");
  EXPECT_EQ(FenToWanYuan(1234567), "1.2346");
  EXPECT_EQ(FenToWanYuan(100000000), "100.0000");
  EXPECT_EQ(FenToWanYuan(-50), "-0.0001");
}

}  // namespace
}  // namespace gongkai::io
