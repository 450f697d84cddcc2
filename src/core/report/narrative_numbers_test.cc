// N-01 on sentences of our own, in the phrasings annual reports use: what is read, what is not.
#include "core/report/narrative_numbers.h"

#include <gtest/gtest.h>

#include "core/report/rules.h"

namespace gongkai::report {
namespace {

// 15 new + 2 carried in = 14 handled + 3 carried out; 2 reviews; 1 direct suit; 3 normative made.
ReportData Tables() {
  ReportData r;
  r.year = 2024;
  r.format_id = "2021";
  for (const auto& cell : Format2021().all_cells) r.Set(cell, 0);
  r.Set("t3.new.total", 15);
  r.Set("t3.carried_in.total", 2);
  r.Set("t3.handled_total.total", 14);
  r.Set("t3.carried_out.total", 3);
  r.Set("t4.review.total", 2);
  r.Set("t4.suit_direct.total", 1);
  r.Set("t2.normative.made", 3);
  r.Set("t2.normative.in_force", 20);
  return r;
}

std::vector<Violation> Check(const std::string& text, ReportData r = Tables()) {
  r.narrative["一"] = text;
  return CheckNarrativeNumbers(Format2021(), r);
}

TEST(NarrativeNumbersTest, AgreeingStatementsPass) {
  const char* agreeing[] = {
      "2024年，共收到政府信息公开申请15件，办结14件，结转下年度继续办理3件。",
      "本年度新收政府信息公开申请十五件，依法答复十四件。",
      "全年受理政府信息公开申请１５件。",
      "共收到申请17件（含上年结转2件）。",  // received including carried-over ones
      "因政府信息公开被申请行政复议2件，被提起行政诉讼1件，其中未经复议直接起诉1件。",
      "本年制发行政规范性文件3件，现行有效规范性文件20件。",
      "本机关未发生复议后起诉的情况。",
      "主动公开政府信息1200条，其中通过政府网站发布21条。",  // no table cell: not read
  };
  for (const char* text : agreeing) EXPECT_TRUE(Check(text).empty()) << text;
}

TEST(NarrativeNumbersTest, DisagreeingStatementsAreReported) {
  struct Case {
    const char* text;
    std::string cell;
    int64_t stated, table;
  } cases[] = {
      {"共收到政府信息公开申请16件。", "t3.new.total", 16, 15},
      {"全年新收政府信息公开申请二十一件。", "t3.new.total", 21, 15},
      {"共收到申请１２件。", "t3.new.total", 12, 15},
      {"今年以来，本机关未收到任何公民、法人或其他组织提出的政府信息公开申请。", "t3.new.total", 0,
       15},
      {"收到申请15件，已全部办结15件。", "t3.handled_total.total", 15, 14},
      {"未发生因政府信息公开引起的行政复议。", "t4.review.total", 0, 2},
      {"发生政府信息公开行政复议案件3件。", "t4.review.total", 3, 2},
      {"被提起行政诉讼2件。", "t4.suit_direct.total", 2, 1},
      {"制发规范性文件5件。", "t2.normative.made", 5, 3},
  };
  for (const auto& c : cases) {
    auto vs = Check(c.text);
    ASSERT_EQ(vs.size(), 1u) << c.text;
    EXPECT_EQ(vs[0].rule, "N-01");
    EXPECT_EQ(vs[0].severity, Severity::kWarning);
    EXPECT_EQ(vs[0].cells[0], c.cell) << c.text;
    EXPECT_EQ(vs[0].found, c.stated) << c.text;
    EXPECT_EQ(vs[0].expected, c.table) << c.text;
    EXPECT_NE(vs[0].message_zh.find("第一部分"), std::string::npos);
    EXPECT_NE(vs[0].message_zh.find(std::to_string(c.table)), std::string::npos)
        << vs[0].message_zh;
    EXPECT_NE(vs[0].message_en.find(c.cell), std::string::npos) << vs[0].message_en;
  }
  // The review and the suits of one sentence are two violations.
  EXPECT_EQ(Check("未发生因政府信息公开引起的行政复议、行政诉讼。").size(), 2u);
}

TEST(NarrativeNumbersTest, UncertainPhrasingsAreNotRead) {
  ReportData zero;
  zero.year = 2024;
  zero.format_id = "2021";
  for (const auto& cell : Format2021().all_cells) zero.Set(cell, 0);
  const char* unread[] = {
      "共发布各类信息21条，微信公众号发布信息60余篇。",  // no table cell, an estimate
      "较上年收到申请增加3件。",                         // a comparison
      "2023年收到申请8件。",                             // another year
      "收到申请5件，其中自然人申请4件。",                // 5 is read; the part is not
      "收到个人申请4件。",                               // a subset of applicants
      "公开行政复议决定书12件。",                        // not the count of reviews
      "不予受理3件。",
      "行政复议、行政诉讼分别为1件、2件。",
      "在15个工作日内答复申请人。",
      "收到上级转办件6件。",
      "未收到申请人逾期补正的材料。",
  };
  for (const char* text : unread) {
    auto claims = ExtractClaims(text, 2024);
    if (std::string(text).find("其中") != std::string::npos) {
      ASSERT_EQ(claims.size(), 1u) << text;
      EXPECT_EQ(claims[0].stated, 5);
      continue;
    }
    EXPECT_TRUE(claims.empty()) << text << " read as " << claims[0].cells[0] << "="
                                << claims[0].stated;
  }
  // Fees of section 六 are not in the tables.
  zero.narrative["六"] = "本年度未收取信息处理费，发出收费通知0件，收费0元。";
  EXPECT_TRUE(CheckNarrativeNumbers(Format2021(), zero).empty());
}

TEST(NarrativeNumbersTest, BlankCellsAndOtherFormatsAreSkipped) {
  ReportData r = Tables();
  r.cells["t3.new.total"] = CellValue::Dash();
  EXPECT_TRUE(Check("共收到政府信息公开申请16件。", r).empty());
  // The 2019 format has no t2.normative.made.
  ReportData old = Tables();
  old.format_id = "2019";
  old.narrative["一"] = "制发规范性文件5件。";
  EXPECT_TRUE(CheckNarrativeNumbers(Format2019(), old).empty());
}

TEST(NarrativeNumbersTest, CheckReportRunsN01) {
  ReportData r = Tables();
  r.sections = {"一", "二", "三", "四", "五", "六"};
  r.narrative["一"] = "共收到政府信息公开申请16件。";
  bool found = false;
  for (const auto& v : CheckReport(r, nullptr)) found |= v.rule == "N-01";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace gongkai::report
