// N-01 on a real published narrative: the seed report (磁钟乡 2023) says it received no
// applications and has all-zero tables, so its narrative must raise no N-01; and the claim it makes
// must be read.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/report/narrative_numbers.h"
#include "core/report/rules.h"
#include "io/testing/seed_report.h"

namespace gongkai::io {
namespace {

std::string Fixture() { return io::testing::ReadSeedReport(); }

// The text between two top-level headings (full headings: section 一 has its own "二、"
// sub-headings).
std::string Between(const std::string& text, const std::string& from, const std::string& to) {
  size_t a = text.find(from);
  if (a == std::string::npos) return "";
  a += from.size();
  size_t b = to.empty() ? text.size() : text.find(to, a);
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

TEST(ReportNarrativeFixtureTest, SeedNarrativeAgreesWithItsZeroTables) {
  std::string fixture = Fixture();
  ASSERT_FALSE(fixture.empty()) << "shared/fixtures is next to the project root";
  report::ReportData r;
  r.year = 2023;
  r.format_id = "2021";
  r.sections = {"一", "二", "三", "四", "五", "六"};
  for (const auto& cell : report::Format2021().all_cells) r.Set(cell, 0);
  r.narrative["一"] = Between(fixture, "一、总体情况", "二、主动公开政府信息情况");
  r.narrative["五"] = Between(fixture, "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
  r.narrative["六"] = Between(fixture, "六、其他需要报告的事项", "");
  ASSERT_NE(r.narrative["一"].find("未收到任何组织或个人"), std::string::npos);
  ASSERT_NE(r.narrative["一"].find("发布各类信息 21 条"), std::string::npos);

  auto claims = report::ExtractClaims(r.narrative["一"], 2023);
  ASSERT_EQ(claims.size(), 1u);  // "未收到…申请"; the 21 and 60 items have no table cell
  EXPECT_EQ(claims[0].cells, std::vector<std::string>{"t3.new.total"});
  EXPECT_EQ(claims[0].stated, 0);

  for (const auto& v : report::CheckReport(r, nullptr)) EXPECT_NE(v.rule, "N-01") << v.message_zh;
  // Had the tables shown applications, the narrative would contradict them.
  r.Set("t3.new.natural", 2);
  r.Set("t3.new.total", 2);
  bool n01 = false;
  for (const auto& v : report::CheckReport(r, nullptr)) n01 |= v.rule == "N-01";
  EXPECT_TRUE(n01);
  // Copied unchanged into the next year's report, it is N-05.
  report::ReportData next = r;
  next.year = 2024;
  bool n05 = false;
  for (const auto& v : report::CheckReport(next, &r)) n05 |= v.rule == "N-05";
  EXPECT_TRUE(n05);
}

}  // namespace
}  // namespace gongkai::io
