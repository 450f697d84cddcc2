// The demo's 磁钟乡 2023 report against the real published one (shared/fixtures): every section
// heading, every table label and every figure (10 + 175 + 15 cells, in the official order) agree,
// and the figures the real narrative states appear in ours. The demo narrative is in our own words.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/report/format.h"
#include "io/report_text.h"
#include "io/testing/seed_report.h"
#include "service/demo_reports.h"

namespace gongkai::service {
namespace {

std::string Fixture() { return io::testing::ReadSeedReport(); }

// Spaces dropped and brackets in one width, as people type them either way.
std::string Normalise(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{" ", ""},
                          {"(", "（"},
                          {")", "）"},
                          {",", "，"},
                          {"\t", ""}}) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p))
      s.replace(p, from.size(), to);
  }
  return s;
}

// The figures of the tables, in document order: tab-separated tokens that are numbers, between the
// Table 二 heading and section 五.
std::vector<double> TableFigures(const std::string& text) {
  size_t from = text.find("二、主动公开政府信息情况");
  size_t to = text.find("五、存在的主要问题及改进情况", from);
  EXPECT_NE(from, std::string::npos);
  std::vector<double> out;
  std::stringstream lines(text.substr(from, to - from));
  static const std::regex kNumber(R"(^\s*[0-9]+(\.[0-9]+)?\s*$)");
  for (std::string line; std::getline(lines, line);) {
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) {
      if (std::regex_match(cell, kNumber)) out.push_back(std::stod(cell));
    }
  }
  return out;
}

TEST(DemoReportFixtureTest, HeadingsLabelsAndFiguresMatchThePublishedReport) {
  std::string fixture = Fixture();
  ASSERT_FALSE(fixture.empty()) << "shared/fixtures must sit next to the project root";
  report::ReportData demo = DemoCizhong2023();
  std::string ours = io::RenderReport(
      demo, "三门峡市湖滨区磁钟乡人民政府2023年政府信息公开工作年度报告", io::TextFlavor::kPlain);
  const report::FormatDef& f = report::Format2021();
  std::string nf = Normalise(fixture), no = Normalise(ours);
  for (const auto& s : f.sections) {
    std::string h = s.numeral + "、" + s.heading;
    EXPECT_NE(nf.find(h), std::string::npos) << "fixture lacks " << h;
    EXPECT_NE(no.find(h), std::string::npos) << "demo lacks " << h;
  }
  for (const report::TableDef* t : {&f.t2, &f.t3, &f.t4}) {
    for (const auto& row : t->rows) {
      std::string label = Normalise(row.label);
      EXPECT_NE(nf.find(label), std::string::npos) << "fixture lacks " << row.label;
      EXPECT_NE(no.find(label), std::string::npos) << "demo lacks " << row.label;
    }
  }
  std::vector<double> theirs = TableFigures(fixture), mine = TableFigures(ours);
  EXPECT_EQ(theirs.size(), 200u);  // 10 + 175 + 15 cells
  EXPECT_EQ(mine, theirs);

  // Figures the published narrative states ("21 条", "60 余篇", the year) are stated in ours.
  size_t one = fixture.find("一、总体情况");
  size_t two = fixture.find("二、主动公开政府信息情况");
  std::string narrative = fixture.substr(one, two - one);
  static const std::regex kArabic("[0-9]+");
  int seen = 0;
  for (auto it = std::sregex_iterator(narrative.begin(), narrative.end(), kArabic);
       it != std::sregex_iterator(); ++it, ++seen) {
    EXPECT_NE(demo.narrative["一"].find(it->str()), std::string::npos)
        << "demo narrative lacks " << it->str();
  }
  EXPECT_GE(seen, 3);
  // Our own words: no sentence of the published narrative is copied.
  EXPECT_EQ(demo.narrative["一"].find("大力推进决策、执行、管理、服务、结果公开"),
            std::string::npos);
}

}  // namespace
}  // namespace gongkai::service
