#include "io/report_json.h"

#include <gtest/gtest.h>

namespace gongkai::io {
namespace {

constexpr const char* kGood = R"({
  "schema": "gongkai.annual-report/1", "year": 2023, "format": "2021",
  "sections": ["一", "二", "三", "四", "五", "六"],
  "tables": {
    "t2": {"rules.made": 0, "fees.amount": 0},
    "t3": {"new.natural": 1, "new.total": 1, "granted.natural": 1, "granted.total": 1,
           "handled_total.natural": 1, "handled_total.total": 1, "carried_in.legal": "/", "partial.total": null,
           "unable.unclear.research": "十二", "other.other.other_org": 1.5},
    "t4": {"review.total": 0}
  }
})";

TEST(ReportJsonTest, ReadsCellsKeepingBlanksDashesAndUnreadable) {
  auto r = ReportFromJson(kGood);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->year, 2023);
  EXPECT_EQ(r->Get("t3.new.natural"), 1);
  EXPECT_EQ(r->cells["t3.carried_in.legal"].state, report::CellState::kDash);
  EXPECT_EQ(r->cells["t3.partial.total"].state, report::CellState::kBlank);
  EXPECT_EQ(r->cells["t3.unable.unclear.research"].state, report::CellState::kUnreadable);
  EXPECT_EQ(r->cells["t3.other.other.other_org"].state, report::CellState::kUnreadable);  // 1.5 is no count
  auto checks = report::CheckReport(*r, nullptr);
  std::string text = ViolationsToText(checks);
  EXPECT_NE(text.find("[E T3-04]"), std::string::npos) << text;
  EXPECT_NE(text.find("十二"), std::string::npos);
  EXPECT_NE(text.find("[W T3-05]"), std::string::npos);

  auto again = ReportFromJson(ReportToJson(*r, &checks));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(ReportToJson(*again), ReportToJson(*r));
}

TEST(ReportJsonTest, RejectsBadInputNamingWhere) {
  struct Case {
    const char* text;
    const char* where;
  } cases[] = {
      {"", "not valid JSON"},
      {"[1]", "top level"},
      {R"({"schema": "x", "year": 2023, "format": "2021", "tables": {}})", "schema"},
      {R"({"schema": "gongkai.annual-report/1", "year": "2023", "format": "2021", "tables": {}})", "year"},
      {R"({"schema": "gongkai.annual-report/1", "year": 2023, "format": "2021"})", "tables"},
      {R"({"schema": "gongkai.annual-report/1", "year": 2023, "format": "2021", "tables": {"t3": {"new.alien": 1}}})",
       "tables.t3.new.alien"},
      {R"({"schema": "gongkai.annual-report/1", "year": 2023, "format": "2021", "tables": {"t4": [1]}})", "tables.t4"},
  };
  for (const auto& c : cases) {
    auto r = ReportFromJson(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.where), std::string::npos) << r.status().message();
    EXPECT_FALSE(r.status().ui_message().empty());
  }
}

}  // namespace
}  // namespace gongkai::io
