// What we publish, we can read back: the sample report rendered as text, Markdown, HTML, DOCX and
// PDF, then read by the report readers and the extractor (issue 5), gives every figure back.
#include <gtest/gtest.h>

#include "core/report/extract.h"
#include "io/readers/readers.h"
#include "render/render.h"
#include "render/sample_report.h"

namespace gongkai::render {
namespace {

class RoundTripTest : public ::testing::TestWithParam<OutputFormat> {};

TEST_P(RoundTripTest, EveryFigureComesBack) {
  ReportDocument doc = testing::SampleReport();
  doc.data.Set("t2.fees.amount", 1234500);  // four decimals of 万元 are all a document shows
  auto bytes = Render(doc, GetParam());
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto source = io::ReadReport(*bytes, "report" + std::string(FileExtension(GetParam())));
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  report::ExtractedReport r = report::ExtractReport(*source);
  for (const auto& p : r.problems)
    ADD_FAILURE() << p.cell << " line " << p.line << ": " << p.message_en;
  EXPECT_EQ(r.year, 2023);
  EXPECT_EQ(r.agency_name, doc.agency_name);
  EXPECT_EQ(r.data.format_id, "2021");
  EXPECT_EQ(r.data.sections, doc.data.sections);
  for (const auto& cell : report::Format2021().all_cells) {
    const auto& got = r.data.cells[cell];
    EXPECT_EQ(got.state, report::CellState::kNumber) << cell << " '" << got.text << "'";
    EXPECT_EQ(got.value, doc.data.Get(cell)) << cell;
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTripTest,
                         ::testing::Values(OutputFormat::kText, OutputFormat::kMarkdown,
                                           OutputFormat::kHtml, OutputFormat::kDocx,
                                           OutputFormat::kPdf),
                         [](const auto& info) { return std::string(FormatName(info.param)); });

}  // namespace
}  // namespace gongkai::render
