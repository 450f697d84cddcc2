#include "core/report/publication.h"

#include <gtest/gtest.h>

#include "core/report/rules.h"

namespace gongkai::report {
namespace {

Date D(const char* s) { return Date::Parse(s).value(); }

TEST(PublicationTest, DeadlinesOfArticle49) {
  EXPECT_EQ(PublicationDeadline(2023, ReporterKind::kDepartment), D("2024-01-31"));
  EXPECT_EQ(PublicationDeadline(2023, ReporterKind::kGovernment), D("2024-03-31"));
}

TEST(PublicationTest, OnTimeLateAndUnpublished) {
  EXPECT_TRUE(CheckPublication(2023, ReporterKind::kDepartment, D("2024-01-31")).empty());
  EXPECT_TRUE(CheckPublication(2023, ReporterKind::kGovernment, D("2024-03-31")).empty());
  EXPECT_TRUE(CheckPublication(2023, ReporterKind::kDepartment, std::nullopt).empty());
  auto late = CheckPublication(2023, ReporterKind::kDepartment, D("2024-02-02"));
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].rule, "P-01");
  EXPECT_EQ(late[0].severity, Severity::kForm);
  EXPECT_NE(late[0].message_zh.find("2024年1月31日"), std::string::npos) << late[0].message_zh;
  EXPECT_NE(late[0].message_zh.find("2天"), std::string::npos) << late[0].message_zh;
  EXPECT_NE(late[0].message_en.find("2024-01-31"), std::string::npos);
  // The same date is on time for a government's own report.
  EXPECT_TRUE(CheckPublication(2023, ReporterKind::kGovernment, D("2024-02-02")).empty());
}

TEST(PublicationTest, CheckReportRunsP01WhenDateGiven) {
  ReportData r;
  r.year = 2023;
  r.format_id = "2021";
  r.sections = {"一", "二", "三", "四", "五", "六"};
  RuleOptions options;
  options.published_on = D("2024-04-01");
  options.reporter_kind = ReporterKind::kGovernment;
  bool found = false;
  for (const auto& v : CheckReport(r, nullptr, options)) found |= v.rule == "P-01";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace gongkai::report
