#include "render/notice.h"

#include <gtest/gtest.h>

#include "render/test_pdf.h"

namespace gongkai::render {
namespace {

TEST(NoticeTest, ParagraphsAreTrimmedLinesWithoutBlanks) {
  EXPECT_EQ(NoticeParagraphs("  第一段。\n\n\u3000\u3000第二段。\r\n \n"),
            (std::vector<std::string>{"第一段。", "第二段。"}));
  EXPECT_TRUE(NoticeParagraphs("").empty());
}

TEST(NoticeTest, PdfCarriesTitleIndexBodyAgencyDateAndPortalAddress) {
  Notice n;
  n.agency = "三门峡市湖滨区磁钟乡人民政府";
  n.title = "关于2025年秋季秸秆禁烧工作的通告";
  n.index_number = "411202100/2025-00012";
  n.date = "2025年10月9日";
  n.body = {"为做好秸秆禁烧工作，现通告如下。", "  ", "一、全乡范围内禁止露天焚烧秸秆。"};
  n.portal_url = "http://127.0.0.1:8080/publications/12";
  auto pdf = RenderNoticePdf(n);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  if (!testing::HavePdftotext()) GTEST_SKIP() << "pdftotext not installed";
  std::string text = testing::PdfText(*pdf);
  for (const char* want : {"秸秆禁烧工作的通告", "411202100/2025-00012", "全乡范围内禁止露天焚烧秸秆",
                           "三门峡市湖滨区磁钟乡人民政府", "2025年10月9日", "/publications/12"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
}

TEST(NoticeTest, EmptyBodyPointsToTheAttachmentsAndNoTitleIsRefused) {
  Notice n;
  n.title = "附件公告";
  auto pdf = RenderNoticePdf(n);
  ASSERT_TRUE(pdf.ok());
  Notice untitled;
  EXPECT_EQ(RenderNoticePdf(untitled).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace gongkai::render
