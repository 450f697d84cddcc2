// The real published seed report (磁钟乡 2023, ../shared/fixtures) read end to end: every one of
// its 10 + 175 + 15 cells, its six sections, its title, and no error-level violation.
#include <gtest/gtest.h>

#include "core/report/extract.h"
#include "core/report/rules.h"
#include "io/file_reader.h"
#include "io/readers/readers.h"
#include "io/testing/seed_report.h"

namespace gongkai::io {
namespace {

std::string SeedPath() { return testing::SeedReportPath(); }

TEST(SeedExtractTest, EveryCellSectionAndTheTitle) {
  auto bytes = ReadFileLimited(SeedPath(), 1 << 20);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto doc = ReadReport(*bytes, SeedPath());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->reader, "text");
  report::ExtractedReport r = report::ExtractReport(*doc);
  for (const auto& p : r.problems)
    ADD_FAILURE() << p.cell << " line " << p.line << ": " << p.message_en;
  EXPECT_EQ(r.year, 2023);
  EXPECT_EQ(r.agency_name, "三门峡市湖滨区磁钟乡人民政府");
  EXPECT_EQ(r.data.format_id, "2021");
  EXPECT_EQ(r.data.sections, (std::vector<std::string>{"一", "二", "三", "四", "五", "六"}));
  const auto& f = report::Format2021();
  ASSERT_EQ(f.all_cells.size(), 200u);
  EXPECT_EQ(r.cells_read, 200);
  for (const auto& cell : f.all_cells) {
    auto it = r.data.cells.find(cell);
    ASSERT_NE(it, r.data.cells.end()) << cell;
    EXPECT_EQ(it->second.state, report::CellState::kNumber)
        << cell << " '" << it->second.text << "'";
    EXPECT_EQ(it->second.value, 0) << cell;
  }
  // Section 一 keeps its own 一、…六、 sub-headings; section 五 its 一、存在的主要问题 /
  // 二、改进情况.
  EXPECT_NE(r.data.narrative["一"].find("发布各类信息 21 条"), std::string::npos);
  EXPECT_NE(r.data.narrative["一"].find("依申请公开办理情况"), std::string::npos);
  EXPECT_NE(r.data.narrative["五"].find("改进情况"), std::string::npos);
  EXPECT_EQ(r.data.narrative["五"].find("主动公开政府信息情况"), std::string::npos);
  r.data.year = r.year;
  for (const auto& v : report::CheckReport(r.data, nullptr))
    EXPECT_NE(v.severity, report::Severity::kError) << v.rule << " " << v.message_en;
}

}  // namespace
}  // namespace gongkai::io
