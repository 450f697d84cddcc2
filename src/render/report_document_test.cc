// The document made for a stored version: draft marking, corrections up to this version, and old
// versions marked as corrected.
#include "render/report_document.h"

#include <gtest/gtest.h>

namespace gongkai::render {
namespace {

AnnualReport Version(int n, ReportStatus status, std::string note, std::string published_at) {
  AnnualReport r;
  r.version = n;
  r.status = status;
  r.correction_note = std::move(note);
  r.published_at = std::move(published_at);
  return r;
}

TEST(ReportDocumentTest, VersionsCorrectionsAndMarks) {
  Agency agency;
  agency.name = "磁钟乡人民政府";
  std::vector<AnnualReport> versions = {
      Version(1, ReportStatus::kSuperseded, "", "2024-01-19T02:00:00.000Z"),
      Version(2, ReportStatus::kPublished, "表二数据更正", "2024-03-01T16:30:00.000Z"),
      Version(3, ReportStatus::kDraft, "再次更正", "")};
  report::ReportData data;

  ReportDocument old = DocumentFor(versions[0], data, agency, "年报", versions);
  EXPECT_EQ(old.title, "年报（本版已被第2版更正）");
  EXPECT_FALSE(old.draft);
  EXPECT_EQ(old.published_on, "2024-01-19");
  EXPECT_TRUE(old.corrections.empty());

  ReportDocument current = DocumentFor(versions[1], data, agency, "年报", versions);
  EXPECT_EQ(current.title, "年报");
  EXPECT_EQ(current.published_on, "2024-03-02");  // 16:30 UTC is the next day in Beijing
  ASSERT_EQ(current.corrections.size(), 1u);
  EXPECT_EQ(current.corrections[0].note, "表二数据更正");

  ReportDocument draft = DocumentFor(versions[2], data, agency, "年报", versions);
  EXPECT_TRUE(draft.draft);
  EXPECT_EQ(draft.corrections.size(), 2u);
}

}  // namespace
}  // namespace gongkai::render
