#include "core/disclosure/decision_figures.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/testing/loaded_calendar.h"

namespace gongkai::disclosure {
namespace {

using testing::D;

const Date kToday = D("2025-06-30");
const std::vector<AgencyName> kAgencies = {{3, "三门峡市湖滨区人民政府"},
                                           {4, "三门峡市湖滨区磁钟乡人民政府"}};

// Lines of a file as ParseCsv gives them: one record per line, fields split at commas.
std::vector<CsvLine> Lines(const std::vector<std::string>& lines) {
  std::vector<CsvLine> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    CsvLine l{static_cast<int>(i + 1), {}};
    std::string f;
    for (char c : lines[i]) {
      if (c == ',') {
        l.fields.push_back(f);
        f.clear();
      } else {
        f += c;
      }
    }
    l.fields.push_back(f);
    out.push_back(l);
  }
  return out;
}

TEST(DecisionFiguresTest, Validation) {
  DecisionFigures f{.agency_id = 4, .year = 2024, .licensing = 3, .penalty = 1, .fee_fen = 100};
  EXPECT_TRUE(ValidateDecisionFigures(f, kToday).ok());
  DecisionFigures future = f;
  future.year = 2026;
  EXPECT_EQ(ValidateDecisionFigures(future, kToday).code(), StatusCode::kInvalidArgument);
  DecisionFigures early = f;
  early.year = 2007;
  EXPECT_FALSE(ValidateDecisionFigures(early, kToday).ok());
  DecisionFigures negative = f;
  negative.coercion = -1;
  EXPECT_NE(ValidateDecisionFigures(negative, kToday).ui_message().find("行政强制"),
            std::string::npos);
  DecisionFigures fee = f;
  fee.fee_fen = -100;
  EXPECT_FALSE(ValidateDecisionFigures(fee, kToday).ok());
}

TEST(DecisionFiguresTest, TallySetsTheFourCells) {
  report::ReportData d;
  TallyTable2Figures({.licensing = 12, .penalty = 3, .coercion = 1, .fee_fen = 1'234'500}, d);
  EXPECT_EQ(d.Get("t2.licensing.decisions"), 12);
  EXPECT_EQ(d.Get("t2.penalty.decisions"), 3);
  EXPECT_EQ(d.Get("t2.coercion.decisions"), 1);
  EXPECT_EQ(d.Get("t2.fees.amount"), 1'234'500);
  EXPECT_EQ(d.cells.size(), 4u);
}

TEST(DecisionFiguresTest, ReadsGoodFiles) {
  FiguresCsv got = ReadFiguresCsv(
      Lines({"单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）",
             "三门峡市湖滨区磁钟乡人民政府,2024,12,3,0,1.2345", "3, 2025 ,０,1,2,0", ""}),
      kAgencies, kToday);
  ASSERT_TRUE(got.problems.empty()) << got.problems[0].message;
  ASSERT_EQ(got.rows.size(), 2u);
  EXPECT_EQ(got.rows[0].agency_id, 4);
  EXPECT_EQ(got.rows[0].year, 2024);
  EXPECT_EQ(got.rows[0].licensing, 12);
  EXPECT_EQ(got.rows[0].fee_fen, 1'234'500);
  EXPECT_EQ(got.rows[1].agency_id, 3);
  EXPECT_EQ(got.rows[1].coercion, 2);
  EXPECT_EQ(got.lines, (std::vector<int>{2, 3}));
  // English keys, another order.
  FiguresCsv english =
      ReadFiguresCsv(Lines({"year,agency,fee,coercion,penalty,licensing", "2024,4,10,0,0,0"}),
                     kAgencies, kToday);
  ASSERT_TRUE(english.problems.empty());
  EXPECT_EQ(english.rows[0].fee_fen, 10'000'000);
}

TEST(DecisionFiguresTest, ReportsEveryProblemWithLineAndColumn) {
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    std::vector<std::string> want;  // messages, in order
    std::vector<std::string> want_zh;
  } cases[] = {
      {"empty file", {""}, {"file: the file is empty"}, {"文件：文件为空"}},
      {"header only",
       {"agency,year,licensing,penalty,coercion,fee"},
       {"file: the file has a header but no rows"},
       {"文件：文件只有表头"}},
      {"missing and unknown columns",
       {"agency,year,licensing,penalty,amount", "4,2024,1,1,1"},
       {"line 1: unknown column 'amount'", "line 1, column coercion: the column is missing",
        "line 1, column fee: the column is missing"},
       {"第1行：无法识别的列“amount”", "第1行“行政强制”列：表头缺少该列",
        "第1行“行政事业性收费（万元）”列：表头缺少该列"}},
      {"repeated column",
       {"agency,year,licensing,penalty,coercion,fee,年度", "4,2024,1,1,1,1,2024"},
       {"line 1, column year: the column appears twice"},
       {"第1行“年度”列：该列重复出现"}},
      {"bad rows",
       {"agency,year,licensing,penalty,coercion,fee", "4,2024,abc,1,1,1", "4,2025,1,-2,1,1",
        "9,2024,1,1,1,1", "4,2026,1,1,1,1", "4,2023,1,1,1,1.23456", "4,2024,1,1,1", "4,2022,1,1,1,"},
       {"line 2, column licensing: 'abc' is not a whole number",
        "line 3, column penalty: '-2' is negative", "line 4, column agency: no agency '9'",
        "line 5, column year: 2026 is not between 2008 and 2025",
        "line 6, column fee: '1.23456' is not an amount",
        "line 7: 5 fields, but the header has 6", "line 8, column fee: the value is missing"},
       {"第2行“行政许可”列：“abc”不是整数", "第3行“行政处罚”列：“-2”为负数", "第4行“单位”列：没有单位“9”",
        "第5行“年度”列：2026年不在2008年至2025年之间", "第6行“行政事业性收费（万元）”列",
        "第7行：有5列，与表头的6列不符", "第8行“行政事业性收费（万元）”列：未填写数值"}},
      {"duplicate agency and year",
       {"agency,year,licensing,penalty,coercion,fee", "4,2024,1,1,1,1",
        "三门峡市湖滨区磁钟乡人民政府,2024,2,2,2,2"},
       {"line 3: the same agency and year as line 2"},
       {"第3行：与第2行的单位和年度重复"}},
  };
  for (const Case& c : cases) {
    FiguresCsv got = ReadFiguresCsv(Lines(c.lines), kAgencies, kToday);
    ASSERT_EQ(got.problems.size(), c.want.size()) << c.name;
    for (size_t i = 0; i < c.want.size(); ++i) {
      EXPECT_EQ(got.problems[i].message.rfind(c.want[i], 0), 0u)
          << c.name << ": " << got.problems[i].message;
      EXPECT_EQ(got.problems[i].message_zh.rfind(c.want_zh[i], 0), 0u)
          << c.name << ": " << got.problems[i].message_zh;
    }
  }
}

}  // namespace
}  // namespace gongkai::disclosure
