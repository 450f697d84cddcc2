#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <set>

#include "render/formats.h"
#include "render/sample_report.h"
#include "render/test_zip.h"

namespace gongkai::render {
namespace {

struct Sheet {
  std::map<std::string, std::string> numbers;  // "B5" -> "123"
  std::set<std::string> merged;                // "A3:C5"
};

Sheet ReadSheet(const testing::ZipReader& zip, int n) {
  Sheet s;
  auto xml = zip.Read("xl/worksheets/sheet" + std::to_string(n) + ".xml");
  EXPECT_TRUE(xml.has_value()) << n;
  if (!xml) return s;
  pugi::xml_document d;
  EXPECT_TRUE(d.load_string(xml->c_str()));
  for (auto c : d.select_nodes("//c[not(@t)]/v")) {
    s.numbers[c.node().parent().attribute("r").value()] = c.node().text().get();
  }
  for (auto m : d.select_nodes("//mergeCell")) s.merged.insert(m.node().attribute("ref").value());
  return s;
}

TEST(XlsxTest, SheetsMergedHeadersAndNumbers) {
  ReportDocument doc = testing::SampleReport();
  auto bytes = RenderXlsx(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  testing::ZipReader zip(*bytes);
  ASSERT_TRUE(zip.ok());
  auto workbook = zip.Read("xl/workbook.xml");
  ASSERT_TRUE(workbook);
  pugi::xml_document wb;
  ASSERT_TRUE(wb.load_string(workbook->c_str()));
  std::vector<std::string> names;
  for (auto s : wb.select_nodes("//sheet")) names.push_back(s.node().attribute("name").value());
  EXPECT_EQ(names, (std::vector<std::string>{"表二 主动公开", "表三 依申请公开", "表四 复议诉讼",
                                             "说明"}));

  Sheet t2 = ReadSheet(zip, 1), t3 = ReadSheet(zip, 2), t4 = ReadSheet(zip, 3);
  // Title row, heading row, then the table: Table 三's note is A3:C5, its first figure D6.
  EXPECT_TRUE(t3.merged.count("A3:C5"));
  EXPECT_TRUE(t3.merged.count("D3:J3"));    // 申请人情况
  EXPECT_TRUE(t3.merged.count("E4:I4"));    // 法人或其他组织
  EXPECT_TRUE(t3.merged.count("A8:A29"));   // 三、本年度办理结果
  EXPECT_TRUE(t3.merged.count("B10:B17"));  // （三）不予公开
  EXPECT_TRUE(t4.merged.count("F3:O3"));    // 行政诉讼
  EXPECT_TRUE(t4.merged.count("A4:A5"));    // 行政复议·结果维持 reaches the figure row

  std::multiset<std::string> all;
  for (const Sheet* s : {&t2, &t3, &t4}) {
    for (const auto& [ref, v] : s->numbers) all.insert(v);
  }
  for (const auto& [id, cell] : doc.data.cells) {
    std::string v = id == "t2.fees.amount" ? "1.2346" : std::to_string(cell.value);
    EXPECT_TRUE(all.count(v)) << id << " " << v;
  }
  EXPECT_EQ(t3.numbers["D6"], std::to_string(doc.data.Get("t3.new.natural")));
  EXPECT_EQ(t3.numbers["J30"], std::to_string(doc.data.Get("t3.carried_out.total")));
  auto styles = zip.Read("xl/styles.xml");
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("formatCode=\"0.0000\""), std::string::npos);
  // Print setup: A4, Table 三 landscape with its three header rows repeated.
  auto sheet2 = zip.Read("xl/worksheets/sheet2.xml");
  EXPECT_NE(sheet2->find("paperSize=\"9\""), std::string::npos);
  EXPECT_NE(sheet2->find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(workbook->find("'表三 依申请公开'!$3:$5"), std::string::npos);
  // No formulas anywhere: the figures are computed, as published.
  for (int n = 1; n <= 4; ++n) {
    EXPECT_EQ(zip.Read("xl/worksheets/sheet" + std::to_string(n) + ".xml")->find("<f>"),
              std::string::npos);
  }
}

TEST(XlsxTest, NotesSheetCarriesTitleAndNarrative) {
  ReportDocument doc = testing::SampleReport();
  doc.draft = true;
  doc.corrections = {{2, "2024-02-03", "更正表三"}};
  auto bytes = RenderXlsx(doc);
  ASSERT_TRUE(bytes.ok());
  testing::ZipReader zip(*bytes);
  auto strings = zip.Read("xl/sharedStrings.xml");
  ASSERT_TRUE(strings);
  EXPECT_NE(strings->find(doc.title + "（草稿）"), std::string::npos);
  EXPECT_NE(strings->find("第2版（2024-02-03）：更正表三"), std::string::npos);
  EXPECT_NE(strings->find("本年度未收取信息处理费。"), std::string::npos);
}

TEST(XlsxTest, UnknownFormatIsInvalidArgument) {
  ReportDocument doc = testing::SampleReport();
  doc.data.format_id = "x";
  EXPECT_EQ(RenderXlsx(doc).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace gongkai::render
