#include "core/report/narrative_draft.h"

#include <gtest/gtest.h>

#include "core/report/narrative_numbers.h"
#include "core/report/rules.h"

namespace gongkai::report {
namespace {

ReportData Zeros() {
  ReportData r;
  r.year = 2024;
  r.format_id = "2021";
  r.sections = {"一", "二", "三", "四", "五", "六"};
  for (const auto& cell : Format2021().all_cells) r.Set(cell, 0);
  return r;
}

// 15 new + 2 carried in = 14 handled (10 granted, 2 partial, 1 not held, 1 no correction) + 3 out.
ReportData Busy() {
  ReportData r = Zeros();
  auto t3 = [&](const std::string& row, int64_t v) {
    r.Set(CellId("t3", row, "natural"), v);
    r.Set(CellId("t3", row, "total"), v);
  };
  t3("new", 15), t3("carried_in", 2), t3("granted", 10), t3("partial", 2), t3("unable.not_held", 1);
  t3("other.no_correction", 1), t3("handled_total", 14), t3("carried_out", 3);
  r.Set("t4.review.upheld", 1), r.Set("t4.review.pending", 1), r.Set("t4.review.total", 2);
  r.Set("t4.suit_after_review.corrected", 1), r.Set("t4.suit_after_review.total", 1);
  r.Set("t2.normative.made", 3), r.Set("t2.normative.repealed", 1),
      r.Set("t2.normative.in_force", 20);
  r.Set("t2.licensing.decisions", 40);
  return r;
}

std::vector<std::string> Rules(const std::vector<Violation>& vs) {
  std::vector<std::string> out;
  for (const auto& v : vs) out.push_back(v.rule + " " + v.message_zh);
  return out;
}

TEST(NarrativeDraftTest, BusyDraftStatesTheFiguresAndPassesN01) {
  ReportData r = Busy();
  NarrativeFacts facts;
  facts.items_published = 230;
  facts.channels = {{"政府网站", 180}, {"政务微信公众号", 50}};
  facts.fee_notices = 1;
  facts.fee_notified_fen = 15050;
  facts.fee_collected_fen = 0;
  auto draft = DraftNarrative(r, facts);
  ASSERT_EQ(draft.size(), 2u);
  const std::string& one = draft["一"];
  for (const char* topic :
       {"（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设",
        "（五）监督保障", "新收政府信息公开申请15件", "上年结转2件", "办结政府信息公开申请14件",
        "予以公开10件", "结转下年度继续办理3件", "被申请行政复议2件", "行政诉讼1件",
        "复议后起诉1件", "制发行政规范性文件3件", "主动公开政府信息230条", "通过政府网站发布180条",
        "行政许可决定40件"}) {
    EXPECT_NE(one.find(topic), std::string::npos) << topic << "\n" << one;
  }
  EXPECT_NE(draft["六"].find("发出信息处理费收费通知1件，通知收取金额150.50元，实际收取金额0元"),
            std::string::npos)
      << draft["六"];
  EXPECT_NE(draft["六"].find("无其他需要报告的事项"), std::string::npos);

  // The draft's own figures are read by N-01 and agree with the tables.
  EXPECT_GE(ExtractClaims(one, r.year).size(), 5u);
  r.narrative = draft;
  EXPECT_EQ(Rules(CheckReport(r, nullptr)), std::vector<std::string>{});
  // And a table changed after drafting is caught.
  r.Set("t4.review.other", 1), r.Set("t4.review.total", 3);
  bool n01 = false;
  for (const auto& v : CheckReport(r, nullptr)) n01 |= v.rule == "N-01";
  EXPECT_TRUE(n01);
}

TEST(NarrativeDraftTest, QuietYearAndUnknownFees) {
  ReportData r = Zeros();
  NarrativeFacts facts;
  facts.people_government = true;
  auto draft = DraftNarrative(r, facts);
  EXPECT_NE(draft["一"].find("未收到政府信息公开申请"), std::string::npos);
  EXPECT_NE(draft["一"].find("未发生因政府信息公开引起的行政复议、行政诉讼"), std::string::npos);
  EXPECT_NE(draft["一"].find("工作考核、社会评议和责任追究"), std::string::npos);
  EXPECT_NE(draft["六"].find("请补充"),
            std::string::npos);  // unknown fees are asked for, not invented
  auto claims = ExtractClaims(draft["一"], r.year);
  EXPECT_EQ(claims.size(), 5u);  // new = 0, review = 0, suits = 0, normative made and in force
  r.narrative = draft;
  EXPECT_EQ(Rules(CheckReport(r, nullptr)), std::vector<std::string>{});

  facts.fee_notices = 0, facts.fee_notified_fen = 0, facts.fee_collected_fen = 0;
  EXPECT_EQ(DraftNarrative(r, facts)["六"],
            "本年度未发出信息处理费收费通知，未收取信息处理费。无其他需要报告的事项。");
  EXPECT_EQ(FenToYuanText(15000), "150元");
  EXPECT_EQ(FenToYuanText(15005), "150.05元");
}

}  // namespace
}  // namespace gongkai::report
