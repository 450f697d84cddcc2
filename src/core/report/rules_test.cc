// Each rule with a passing and a failing case, on the seed report's figures (磁钟乡 2023: all zero)
// and on a busier consistent report built here.
#include "core/report/rules.h"

#include <gtest/gtest.h>

#include <functional>

namespace gongkai::report {
namespace {

ReportData Zeros(int year = 2023) {
  ReportData r;
  r.year = year;
  r.format_id = "2021";
  r.sections = {"一", "二", "三", "四", "五", "六"};
  const FormatDef& f = Format2021();
  for (const TableDef* t : {&f.t2, &f.t3, &f.t4}) {
    for (const auto& cell : t->CellIds()) r.Set(cell, 0);
  }
  return r;
}

// A consistent busier year: 12 new + 2 carried in = 11 handled + 3 carried out.
ReportData Busy(int year = 2024) {
  ReportData r = Zeros(year);
  auto t3 = [&](const std::string& row, int64_t natural, int64_t commercial) {
    r.Set(CellId("t3", row, "natural"), natural);
    r.Set(CellId("t3", row, "commercial"), commercial);
    r.Set(CellId("t3", row, "total"), natural + commercial);
  };
  t3("new", 10, 2);
  t3("carried_in", 2, 0);
  t3("granted", 5, 1);
  t3("partial", 2, 0);
  t3("unable.not_held", 2, 0);
  t3("other.no_correction", 1, 0);
  t3("handled_total", 10, 1);
  t3("carried_out", 2, 1);
  r.Set("t4.review.upheld", 1);
  r.Set("t4.review.pending", 1);
  r.Set("t4.review.total", 2);
  r.Set("t2.normative.made", 3);
  r.Set("t2.normative.repealed", 1);
  r.Set("t2.normative.in_force", 12);
  return r;
}

std::vector<std::string> Rules(const std::vector<Violation>& vs) {
  std::vector<std::string> out;
  for (const auto& v : vs) out.push_back(v.rule);
  return out;
}

TEST(RulesTest, SeedReportAndBusyReportPass) {
  EXPECT_EQ(Rules(CheckReport(Zeros(), nullptr)), std::vector<std::string>{});
  EXPECT_EQ(Rules(CheckReport(Busy(), nullptr)), std::vector<std::string>{});
}

TEST(RulesTest, EveryRuleFailsOnItsCase) {
  struct Case {
    const char* rule;
    std::function<void(ReportData&, ReportData&, RuleOptions&)> spoil;
  } cases[] = {
      {"T3-01", [](ReportData& r, ReportData&,
                   RuleOptions&) { r.Set("t3.new.research", 1), r.Set("t3.new.total", 13); }},
      {"T3-02", [](ReportData& r, ReportData&, RuleOptions&) { r.Set("t3.granted.natural", 6); }},
      {"T3-03", [](ReportData& r, ReportData&, RuleOptions&) { r.Set("t3.partial.total", 3); }},
      {"T3-04",
       [](ReportData& r, ReportData&, RuleOptions&) {
         r.cells["t3.rejected.repeat.legal"] = CellValue::Unreadable("十");
       }},
      {"T3-05", [](ReportData& r, ReportData&,
                   RuleOptions&) { r.cells["t3.rejected.repeat.legal"] = CellValue::Dash(); }},
      {"T3-06",
       [](ReportData& r, ReportData&, RuleOptions&) {
         r.Set("t3.granted.natural", 3), r.Set("t3.granted.total", 4);
         r.Set("t3.other.other.natural", 2), r.Set("t3.other.other.total", 2);
       }},
      {"T4-01", [](ReportData& r, ReportData&, RuleOptions&) { r.Set("t4.suit_direct.total", 1); }},
      {"T4-02", [](ReportData& r, ReportData&,
                   RuleOptions&) { r.Set("t4.review.other", -1), r.Set("t4.review.total", 1); }},
      {"T2-01", [](ReportData& r, ReportData&, RuleOptions&) { r.Set("t2.fees.amount", -5); }},
      {"T2-02", [](ReportData& r, ReportData&, RuleOptions&) { r.Set("t2.rules.in_force", 1); }},
      {"T2-03",
       [](ReportData& r, ReportData&, RuleOptions&) { r.Set("t2.normative.in_force", 1); }},
      {"Y-01",
       [](ReportData&, ReportData& prev, RuleOptions&) { prev.Set("t3.carried_out.natural", 3); }},
      {"Y-02",
       [](ReportData&, ReportData& prev, RuleOptions&) { prev.Set("t2.normative.in_force", 9); }},
      {"Y-03", [](ReportData& r, ReportData&, RuleOptions&) { r.Set("t2.penalty.decisions", 30); }},
      {"N-02",
       [](ReportData& r, ReportData&, RuleOptions&) {
         r.sections = {"一", "二", "四", "三", "六"};
       }},
      {"N-03", [](ReportData& r, ReportData&, RuleOptions&) { r.format_id = "2019"; }},
      {"N-01", [](ReportData& r, ReportData&,
                  RuleOptions&) { r.narrative["一"] = "本年度共收到政府信息公开申请13件。"; }},
      {"N-05",
       [](ReportData& r, ReportData& prev, RuleOptions&) {
         r.narrative["五"] = prev.narrative["五"] =
             "存在的主要问题：公开内容的深度不够，政策解读形式较为单一，基层工作人员业务能力有待提"
             "高。改进情况："
             "加强业务培训，丰富解读形式，推动重点领域信息公开向纵深发展。";
       }},
      {"P-01", [](ReportData&, ReportData&,
                  RuleOptions& o) { o.published_on = Date::FromYmd(2025, 2, 1).value(); }},
  };
  for (const auto& c : cases) {
    ReportData r = Busy(), prev = Busy(2023);
    prev.Set("t3.carried_out.natural", 2);  // carried into 2024: consistent with Busy()
    prev.Set("t3.carried_out.commercial", 0);
    prev.Set("t3.carried_out.total", 2);
    prev.Set("t3.handled_total.commercial", 2);  // keep last year's own table consistent
    prev.Set("t3.handled_total.total", 12);
    prev.Set("t3.granted.commercial", 2);
    prev.Set("t3.granted.total", 7);
    prev.Set("t2.normative.in_force", 10);  // 10 + 3 made − 1 repealed = 12
    prev.Set("t2.penalty.decisions", 8);
    r.Set("t2.penalty.decisions", 8);
    RuleOptions options;
    ASSERT_EQ(Rules(CheckReport(r, &prev, options)), std::vector<std::string>{})
        << "baseline for " << c.rule;
    c.spoil(r, prev, options);
    auto vs = CheckReport(r, &prev, options);
    bool found = false;
    for (const auto& v : vs) {
      if (v.rule != c.rule) continue;
      found = true;
      EXPECT_FALSE(v.message_zh.empty()) << c.rule;
      EXPECT_FALSE(v.message_en.empty()) << c.rule;
    }
    EXPECT_TRUE(found) << c.rule << " not reported; got " << ::testing::PrintToString(Rules(vs));
  }
}

TEST(RulesTest, ReportsEveryViolationWithCellsAndValues) {
  ReportData r = Busy();
  r.Set("t3.granted.natural", 7);              // T3-02 (natural), T3-03 (granted row)
  r.Set("t4.suit_after_review.corrected", 2);  // T4-01
  auto vs = CheckReport(r, nullptr);
  ASSERT_EQ(Rules(vs), (std::vector<std::string>{"T3-02", "T3-03", "T4-01"}));
  EXPECT_EQ(vs[0].cells.front(), "t3.handled_total.natural");
  EXPECT_EQ(vs[0].expected, 12);
  EXPECT_EQ(vs[0].found, 10);
  EXPECT_NE(vs[0].message_zh.find("（七）总计"), std::string::npos) << vs[0].message_zh;
  EXPECT_EQ(vs[2].expected, 2);
  EXPECT_EQ(vs[2].found, 0);
}

// Blank and dashed cells of Tables 二 and 四 (as published reports have them) are form notes and
// count as 0; in Table 三 they are warnings (T3-05).
TEST(RulesTest, BlankOrDashedCellsOutsideTable3AreFormNotes) {
  ReportData r = Busy();
  r.cells["t4.suit_direct.other"] = CellValue::Blank();
  r.cells["t2.penalty.decisions"] = CellValue::Dash();
  r.cells["t3.new.research"] = CellValue::Dash();
  auto vs = CheckReport(r, nullptr);
  std::vector<std::string> form, warn;
  for (const auto& v : vs) {
    if (v.severity == Severity::kForm) form.push_back(v.rule + " " + v.cells[0]);
    if (v.severity == Severity::kWarning) warn.push_back(v.rule + " " + v.cells[0]);
    EXPECT_NE(v.severity, Severity::kError) << v.message_en;
  }
  EXPECT_EQ(form,
            (std::vector<std::string>{"T4-02 t4.suit_direct.other", "T2-01 t2.penalty.decisions"}));
  EXPECT_EQ(warn, (std::vector<std::string>{"T3-05 t3.new.research"}));
}

TEST(RulesTest, YearOverYearCarryIsAnErrorWhenBothYearsAreRecords) {
  ReportData r = Busy(), prev = Busy(2023);
  RuleOptions options;
  options.both_years_from_records = true;
  auto vs = CheckReport(r, &prev,
                        options);  // prev carried out 2 natural + 1 commercial; r carried in 2 + 0
  bool error = false;
  for (const auto& v : vs) error |= v.rule == "Y-01" && v.severity == Severity::kError;
  EXPECT_TRUE(error);
}

TEST(FormatTest, Format2021HasTheOfficialShape) {
  const FormatDef& f = Format2021();
  EXPECT_EQ(f.sections.size(), 6u);
  EXPECT_EQ(f.t2.CellIds().size(), 10u);
  EXPECT_EQ(f.t3.CellIds().size(), 175u);
  EXPECT_EQ(f.t4.CellIds().size(), 15u);
  EXPECT_EQ(T3ResultRows().size(), 21u);
  EXPECT_EQ(FormatForYear(2020), nullptr);
  EXPECT_EQ(FormatForYear(2023), &f);
}

}  // namespace
}  // namespace gongkai::report
