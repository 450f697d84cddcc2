#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "render/formats.h"
#include "render/sample_report.h"
#include "render/test_pdf.h"

namespace gongkai::render {
namespace {

using testing::HavePdftotext;
using testing::Pages;
using testing::PdfText;

int PageOf(const std::vector<std::string>& pages, const std::string& needle) {
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].find(needle) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

TEST(PdfTest, TitleHeadingsAndFigures) {
  if (!HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  ReportDocument doc = testing::SampleReport();
  auto pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->rfind("%PDF", 0), 0u);
  std::string text = PdfText(*pdf);
  // The title may wrap: look for both halves.
  EXPECT_NE(text.find("三门峡市湖滨区磁钟乡人民政府"), std::string::npos);
  EXPECT_NE(text.find("信息公开工作年度报告"), std::string::npos);
  for (const char* h :
       {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项", "申请人情况", "法人或其他组织", "第二十条第（八）项"}) {
    EXPECT_NE(text.find(h), std::string::npos) << h;
  }
  std::set<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.insert(w);
  for (const auto& [id, cell] : doc.data.cells) {
    std::string v = id == "t2.fees.amount" ? "1.2346" : std::to_string(cell.value);
    EXPECT_TRUE(words.count(v)) << id << " " << v;
  }
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += c;
  }
  EXPECT_NE(compact.find("—1—"),
            std::string::npos);  // the page number, however pdftotext spaces it
}

TEST(PdfTest, LongNarrativePaginatesWithTable3HeaderRepeated) {
  if (!HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  // Different narrative lengths put Table 三 at different heights; whenever it is split, every page
  // it continues on starts with its header again.
  int split = 0;
  for (int extra = 0; extra < 12; ++extra) {
    ReportDocument doc = testing::SampleReport();
    for (int i = 0; i < 30 + extra; ++i) {
      doc.data.narrative["一"] +=
          "\n全年共发布政府信息公开专栏信息若干条，按照“谁制作、谁公开”的原则逐条审核后发布。";
    }
    auto pdf = RenderPdf(doc);
    ASSERT_TRUE(pdf.ok());
    auto pages = Pages(PdfText(*pdf));
    ASSERT_GE(pages.size(), 3u);
    int first = PageOf(pages, "一、本年新收政府信息公开申请数量");
    int last = PageOf(pages, "四、结转下年度继续办理");
    ASSERT_GE(first, 0);
    ASSERT_GE(last, first);
    for (int p = first; p <= last; ++p) {
      EXPECT_NE(pages[p].find("申请人情况"), std::string::npos)
          << "extra " << extra << " page " << p + 1;
      EXPECT_NE(pages[p].find("法人或其他组织"), std::string::npos)
          << "extra " << extra << " page " << p + 1;
    }
    if (last > first) ++split;
    EXPECT_NE(pages.back().find("六、其他需要报告的事项"), std::string::npos);
  }
  EXPECT_GT(split, 0) << "no narrative length split Table 三 across pages";
}

TEST(PdfTest, AParagraphLongerThanAPageLosesNoLine) {
  if (!HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  // One paragraph across three pages: every numbered sentence must be printed (a page break used to
  // drop the lines after it).
  ReportDocument doc = testing::SampleReport();
  std::string paragraph;
  for (int i = 1; i <= 120; ++i) paragraph += "第" + std::to_string(i) + "句说明本乡公开工作情况。";
  doc.data.narrative["一"] = paragraph;
  auto pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  std::string text = PdfText(*pdf);
  std::string flat;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\f') flat += c;
  for (int i = 1; i <= 120; ++i) {
    EXPECT_NE(flat.find("第" + std::to_string(i) + "句"), std::string::npos) << "sentence " << i;
  }
}

TEST(PdfTest, DraftMarkOnEveryPage) {
  if (!HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  ReportDocument doc = testing::SampleReport();
  doc.draft = true;
  auto pages = Pages(PdfText(RenderPdf(doc).value()));
  ASSERT_GE(pages.size(), 2u);
  for (const auto& p : pages) EXPECT_NE(p.find("草稿"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::render
