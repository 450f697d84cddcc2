#include "core/report/narrative_copy.h"

#include <gtest/gtest.h>

namespace gongkai::report {
namespace {

// Our own sample text: about 120 characters on the year's work.
const char* kLastYear =
    "2023年，本机关坚持以公开为常态、不公开为例外，围绕重点领域持续做好主动公开，及时更新政府信息公"
    "开专栏"
    "内容。依申请公开方面，严格按照法定程序和期限办理，规范答复文书格式。政府信息管理方面，落实公开"
    "前保密"
    "审查，动态调整主动公开目录。平台建设方面，优化网站栏目设置，提升检索功能。监督保障方面，组织业"
    "务培训两次。";

TEST(NarrativeCopyTest, SimilarityIgnoresDigitsAndPunctuation) {
  std::string same_but_year = kLastYear;
  same_but_year.replace(0, 4, "2024");
  EXPECT_DOUBLE_EQ(NarrativeSimilarity(kLastYear, same_but_year), 1.0);
  EXPECT_DOUBLE_EQ(NarrativeSimilarity("甲乙丙丁", "戊己庚辛"), 0.0);
  EXPECT_DOUBLE_EQ(NarrativeSimilarity("甲", "甲"), 0.0);  // no bigram
  EXPECT_EQ(ContentLength("收到 15 件，办结。"), 5u);
}

TEST(NarrativeCopyTest, CopiedSectionIsReportedNewTextIsNot) {
  ReportData prev, now;
  prev.year = 2023;
  now.year = 2024;
  prev.narrative["一"] = kLastYear;
  prev.narrative["六"] = "无。";
  now.narrative["一"] = std::string(kLastYear).replace(0, 4, "2024");
  now.narrative["六"] = "无。";  // short texts are not compared
  auto vs = CheckNarrativeCopy(now, prev, 80, 60);
  ASSERT_EQ(vs.size(), 1u);
  EXPECT_EQ(vs[0].rule, "N-05");
  EXPECT_EQ(vs[0].severity, Severity::kWarning);
  EXPECT_NE(vs[0].message_zh.find("第一部分"), std::string::npos);
  EXPECT_NE(vs[0].message_zh.find("100%"), std::string::npos) << vs[0].message_zh;

  now.narrative["一"] =
      "2024年，本机关聚焦群众关切，新开设政策问答栏目，对涉企政策逐条解读并同步推送至政务新媒体。面"
      "对申请"
      "数量上升的情况，建立疑难申请会商机制，邀请法律顾问参与答复审核。全年修订政府信息公开指南，清"
      "理过时"
      "信息，对网站无障碍改造进行验收，并将公开工作纳入年度绩效考核。";
  EXPECT_TRUE(CheckNarrativeCopy(now, prev, 80, 60).empty());
  // An empty section last year: nothing to compare.
  prev.narrative["一"] = "";
  now.narrative["一"] = kLastYear;
  EXPECT_TRUE(CheckNarrativeCopy(now, prev, 80, 60).empty());
}

}  // namespace
}  // namespace gongkai::report
