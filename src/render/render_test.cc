#include "render/render.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "render/sample_report.h"

namespace gongkai::render {
namespace {

const OutputFormat kAll[] = {OutputFormat::kText, OutputFormat::kMarkdown, OutputFormat::kHtml,
                             OutputFormat::kJson, OutputFormat::kDocx,     OutputFormat::kPdf,
                             OutputFormat::kXlsx};

TEST(RenderTest, EveryFormatRenders) {
  ReportDocument doc = testing::SampleReport();
  doc.draft = true;
  doc.version = 2;
  doc.published_on = "2024-01-20";
  doc.corrections = {{2, "2024-02-03", "更正表三“予以公开”一行的数据。"}};
  // GONGKAI_RENDER_OUT=dir keeps the files, to look at them.
  const char* out = std::getenv("GONGKAI_RENDER_OUT");
  for (OutputFormat f : kAll) {
    auto r = Render(doc, f);
    ASSERT_TRUE(r.ok()) << FormatName(f) << ": " << r.status().ToString();
    EXPECT_GT(r->size(), 100u) << FormatName(f);
    if (out != nullptr) {
      std::ofstream(std::string(out) + "/report" + std::string(FileExtension(f)), std::ios::binary)
          << *r;
    }
  }
}

TEST(RenderTest, UnknownReportFormatIsInvalidArgumentNotACrash) {
  ReportDocument doc = testing::SampleReport();
  doc.data.format_id = "1999";
  for (OutputFormat f :
       {OutputFormat::kHtml, OutputFormat::kDocx, OutputFormat::kPdf, OutputFormat::kXlsx}) {
    auto r = Render(doc, f);
    ASSERT_FALSE(r.ok()) << FormatName(f);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << FormatName(f);
    EXPECT_FALSE(r.status().ui_message().empty());
  }
}

TEST(RenderTest, EmptyReportRendersInEveryFormat) {
  ReportDocument doc;
  doc.data.year = 2023;  // no format id: the format of the report year
  doc.title = "空报告";
  for (OutputFormat f : kAll) EXPECT_TRUE(Render(doc, f).ok()) << FormatName(f);
}

// The layout comes from the format definition: a report in another format (the 2019 trial one, when
// it is defined) renders with that format's rows, not the 2021 ones.
TEST(RenderTest, OtherFormatDefinitionsRender) {
  const report::FormatDef* trial = report::FormatById("2019");
  if (trial == nullptr) GTEST_SKIP() << "no 2019 format definition in this build";
  ReportDocument doc;
  doc.title = "2020年报告";
  doc.data.year = 2020;
  doc.data.format_id = "2019";
  int v = 1;
  for (const auto& id : trial->t2.CellIds()) doc.data.Set(id, v++);
  for (OutputFormat f : kAll) EXPECT_TRUE(Render(doc, f).ok()) << FormatName(f);
  std::string html = RenderHtmlArticle(doc);
  for (const auto& row : trial->t2.rows)
    EXPECT_NE(html.find(">" + row.label + "</th>"), std::string::npos);
  EXPECT_NE(html.find("第二十条第（九）项"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::render
