#include <gtest/gtest.h>

#include <regex>

#include "render/formats.h"
#include "render/sample_report.h"

namespace gongkai::render {
namespace {

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST(HtmlTest, Table3HasTheOfficialMergedCells) {
  std::string html = RenderHtmlArticle(testing::SampleReport());
  // The rule note spans the three label columns and the three header rows.
  EXPECT_NE(html.find("<td class=\"note\" rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"colgroup\" colspan=\"7\">申请人情况</th>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\" rowspan=\"2\">自然人</th>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\" rowspan=\"2\">总计</th>"), std::string::npos);
  // 三、本年度办理结果 spans its 22 rows; the sub-groups span their items.
  EXPECT_NE(html.find("class=\"group\" rowspan=\"22\">三、本年度办理结果</th>"), std::string::npos);
  EXPECT_NE(html.find("class=\"group\" rowspan=\"8\">（三）不予公开</th>"), std::string::npos);
  EXPECT_NE(html.find("class=\"group\" rowspan=\"3\">（四）无法提供</th>"), std::string::npos);
  EXPECT_NE(html.find("class=\"group\" rowspan=\"5\">（五）不予处理</th>"), std::string::npos);
  EXPECT_NE(html.find("class=\"group\" rowspan=\"3\">（六）其他处理</th>"), std::string::npos);
  EXPECT_NE(html.find("class=\"label\" colspan=\"3\">一、本年新收政府信息公开申请数量</th>"),
            std::string::npos);
  EXPECT_NE(html.find("class=\"label\" colspan=\"2\">（一）予以公开</th>"), std::string::npos);
  EXPECT_NE(html.find("class=\"label\" colspan=\"2\">（七）总计</th>"), std::string::npos);
  // Group headers are never rows of their own: 25 body rows + 3 header rows in Table 三.
  size_t t3 = html.find("<table class=\"report-table report-t3\">");
  size_t t3_end = html.find("</table>", t3);
  ASSERT_NE(t3, std::string::npos);
  EXPECT_EQ(Count(html.substr(t3, t3_end - t3), "<tr>"), 28u);
}

TEST(HtmlTest, Tables2And4HaveTheirBlocks) {
  std::string html = RenderHtmlArticle(testing::SampleReport());
  for (const char* block :
       {"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"}) {
    EXPECT_NE(html.find("<th scope=\"colgroup\" class=\"block-title\" colspan=\"4\">" +
                        std::string(block) + "</th>"),
              std::string::npos)
        << block;
  }
  EXPECT_EQ(Count(html, "<tbody class=\"block\">"), 4u);
  EXPECT_NE(html.find("<th scope=\"colgroup\" colspan=\"3\">本年处理决定数量</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"colgroup\" colspan=\"5\">行政复议</th>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"colgroup\" colspan=\"10\">行政诉讼</th>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"colgroup\" colspan=\"5\">未经复议直接起诉</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"colgroup\" colspan=\"5\">复议后起诉</th>"), std::string::npos);
  // 行政复议's result columns reach down to the figures (rowspan 2); 行政诉讼's do not.
  EXPECT_EQ(Count(html, "<th scope=\"col\" rowspan=\"2\">结果维持</th>"), 1u);
  EXPECT_EQ(Count(html, "<th scope=\"col\">结果维持</th>"), 2u);
}

TEST(HtmlTest, EveryFigureIsPresent) {
  ReportDocument doc = testing::SampleReport();
  std::string html = RenderHtmlArticle(doc);
  for (const auto& [id, cell] : doc.data.cells) {
    std::string text = id == "t2.fees.amount" ? "1.2346" : std::to_string(cell.value);
    EXPECT_NE(html.find(">" + text + "</td>"), std::string::npos) << id;
  }
  EXPECT_EQ(html.find("1234567"), std::string::npos);  // money is in 万元, never raw fen
}

TEST(HtmlTest, SectionsInOrderAndNarrativeParagraphs) {
  std::string html = RenderHtmlArticle(testing::SampleReport());
  size_t at = 0;
  for (const char* h :
       {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项"}) {
    size_t found = html.find("<h2>" + std::string(h) + "</h2>", at);
    ASSERT_NE(found, std::string::npos) << h;
    at = found;
  }
  EXPECT_NE(html.find("<h3>一、主动公开情况</h3>"), std::string::npos);
  EXPECT_NE(
      html.find("<p>以区政府门户网站为平台，以政府信息公开专栏为依托，共发布各类信息21条。</p>"),
      std::string::npos);
}

TEST(HtmlTest, UserTextIsEscaped) {
  ReportDocument doc = testing::SampleReport();
  doc.title = "A&B <b>局</b>";
  doc.data.narrative["一"] = "第一段<script>alert(1)</script>\n第二段 \"引号\"";
  doc.data.cells["t3.new.natural"] = report::CellValue::Unreadable("<img src=x>");
  std::string html = RenderHtmlDocument(doc).value();
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("<p>第一段&lt;script&gt;alert(1)&lt;/script&gt;</p>"), std::string::npos);
  EXPECT_NE(html.find("<p>第二段 &quot;引号&quot;</p>"), std::string::npos);
  EXPECT_NE(html.find("<h1>A&amp;B &lt;b&gt;局&lt;/b&gt;</h1>"), std::string::npos);
}

TEST(HtmlTest, CellStates) {
  ReportDocument doc = testing::SampleReport();
  doc.data.cells["t4.review.upheld"] = report::CellValue::Dash();
  doc.data.cells["t4.review.corrected"] = report::CellValue::Blank();
  doc.data.cells.erase("t4.review.other");
  std::string html = RenderHtmlArticle(doc);
  EXPECT_NE(html.find("<td class=\"num\">/</td><td class=\"num\"></td><td class=\"num\"></td>"),
            std::string::npos);
}

TEST(HtmlTest, DraftVersionCorrectionsAndSummary) {
  ReportDocument doc = testing::SampleReport();
  doc.draft = true;
  doc.version = 2;
  doc.published_on = "2024-01-20";
  doc.corrections = {{2, "2024-02-03", "更正表三第一行数据"}};
  doc.summary = true;
  doc.summary_units = {"甲局", "乙局"};
  std::string html = RenderHtmlDocument(doc).value();
  EXPECT_NE(html.find("<p class=\"draft-mark\" role=\"note\">草稿</p>"), std::string::npos);
  EXPECT_NE(html.find("class=\"draft-watermark\""), std::string::npos);
  EXPECT_NE(html.find("第2版　发布日期：2024-01-20"), std::string::npos);
  EXPECT_NE(html.find("<h2>更正说明</h2>"), std::string::npos);
  EXPECT_NE(html.find("<li>第2版（2024-02-03）：更正表三第一行数据</li>"), std::string::npos);
  EXPECT_NE(html.find("汇总报告"), std::string::npos);
  EXPECT_NE(html.find("甲局、乙局"), std::string::npos);
}

TEST(HtmlTest, StandaloneDocumentHasPrintStylesheetAndNoScripts) {
  std::string html = RenderHtmlDocument(testing::SampleReport()).value();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("@page{size:A4"), std::string::npos);
  EXPECT_NE(html.find("thead{display:table-header-group}"), std::string::npos);
  EXPECT_NE(html.find(".report-t3 col:nth-child(3){width:33.00%}"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // The fragment carries no style attributes (the portal's CSP forbids inline styles).
  EXPECT_EQ(RenderHtmlArticle(testing::SampleReport()).find("style="), std::string::npos);
}

TEST(HtmlTest, UnknownFormatIsAnError) {
  ReportDocument doc = testing::SampleReport();
  doc.data.format_id = "1999";
  auto r = RenderHtmlDocument(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().ui_message().find("未知的年度报告格式"), std::string::npos);
  EXPECT_NE(RenderHtmlArticle(doc).find("role=\"alert\""), std::string::npos);
}

}  // namespace
}  // namespace gongkai::render
