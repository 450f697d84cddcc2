// The extractor on hand-built documents: the layouts published reports use (annual-report.md §8).
// The real seed report and the fixture files are read end to end in src/io/readers/.
#include "core/report/extract.h"

#include <gtest/gtest.h>

#include "core/report/cell_parse.h"

namespace gongkai::report {
namespace {

// A document from lines: "|" separates cells (a row), "@N:" before a cell gives its column, a line
// "<FF>" is a page break, anything else is a paragraph.
SourceDocument Doc(const std::vector<std::string>& lines) {
  SourceDocument doc;
  doc.reader = "text";
  int number = 0;
  for (const auto& l : lines) {
    ++number;
    if (l == "<FF>") {
      doc.blocks.push_back({BlockKind::kPageBreak, {}, number, 0});
      continue;
    }
    if (l.find('|') == std::string::npos) {
      doc.blocks.push_back({BlockKind::kParagraph, {{l, -1}}, number, 0});
      continue;
    }
    SourceBlock row{BlockKind::kRow, {}, number, 0};
    size_t start = 0;
    int index = 0;
    while (true) {
      size_t bar = l.find('|', start);
      std::string cell = l.substr(start, bar == std::string::npos ? bar : bar - start);
      int column = index++;
      if (cell.starts_with("@")) {
        size_t colon = cell.find(':');
        column = std::stoi(cell.substr(1, colon - 1));
        cell = cell.substr(colon + 1);
      }
      row.cells.push_back({cell, column});
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    doc.blocks.push_back(std::move(row));
  }
  return doc;
}

std::vector<std::string> Head() {
  return {"某某县某某局2024年政府信息公开工作年度报告", "一、总体情况", "本局认真落实条例。",
          "二、主动公开政府信息情况"};
}

int64_t Value(const ExtractedReport& r, const std::string& cell) {
  auto it = r.data.cells.find(cell);
  if (it == r.data.cells.end() || it->second.state != CellState::kNumber) return -999;
  return it->second.value;
}

TEST(ExtractTest, TitleAgencyYearAndSections) {
  auto r = ExtractReport(Doc({"某某县某某局", "2024年政府信息公开工作年度报告", "一、总体情况",
                              "正文。", "五、存在的主要问题及改进情况", "一、存在的主要问题",
                              "问题。", "六、其他需要报告的事项", "无。"}));
  EXPECT_EQ(r.year, 2024);
  EXPECT_EQ(r.agency_name, "某某县某某局");
  EXPECT_EQ(r.data.sections, (std::vector<std::string>{"一", "五", "六"}));
  EXPECT_EQ(r.data.narrative["五"], "一、存在的主要问题\n问题。");
  EXPECT_EQ(r.data.format_id, "2021");
}

TEST(ExtractTest, YearHintWhenTheTitleHasNone) {
  auto r = ExtractReport(Doc({"政府信息公开工作年度报告", "一、总体情况"}), {2022});
  EXPECT_EQ(r.year, 2022);
  auto none = ExtractReport(Doc({"政府信息公开工作年度报告"}));
  EXPECT_EQ(none.year, 0);
  ASSERT_FALSE(none.problems.empty());
  EXPECT_NE(none.problems[0].message_en.find("year"), std::string::npos);
}

TEST(ExtractTest, MissingRowsAreUnreadableNeverZero) {
  auto r = ExtractReport(Doc(Head()));
  for (const auto& cell : Format2021().all_cells) {
    ASSERT_TRUE(r.data.cells.count(cell)) << cell;
    EXPECT_EQ(r.data.cells.at(cell).state, CellState::kUnreadable) << cell;
  }
  EXPECT_EQ(r.cells_read, 0);
  EXPECT_GE(r.problems.size(), 200u);
}

TEST(ExtractTest, Table2RowsFullWidthMoneyAndDashes) {
  auto lines = Head();
  for (std::string l :
       {"信息内容|本年制发件数|本年废止件数|现行有效件数", "规章|／|—|", "行政规范性文件|３|1|１２",
        "行政许可|1,234|", "行政处罚|-|", "行政强制|7", "行政事业性收费|12.5万元"})
    lines.push_back(l);
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(r.data.cells["t2.rules.made"].state, CellState::kDash);
  EXPECT_EQ(r.data.cells["t2.rules.repealed"].state, CellState::kDash);
  EXPECT_EQ(r.data.cells["t2.rules.in_force"].state, CellState::kBlank);
  EXPECT_EQ(Value(r, "t2.normative.made"), 3);
  EXPECT_EQ(Value(r, "t2.normative.in_force"), 12);
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), 1234);
  EXPECT_EQ(r.data.cells["t2.penalty.decisions"].state, CellState::kDash);
  EXPECT_EQ(Value(r, "t2.coercion.decisions"), 7);
  EXPECT_EQ(Value(r, "t2.fees.amount"), 12500000);  // 12.5 万元 in fen
}

// Table 三 as pdftotext lays it out: labels wrapped over lines, the figures on the middle line,
// a page break with a running header inside the table, and blank cells placed by column.
TEST(ExtractTest, WrappedLabelsPageBreaksAndColumns) {
  auto lines = Head();
  lines.push_back("三、收到和处理政府信息公开申请情况");
  auto row = [&](const std::string& label, std::vector<std::string> v) {
    std::string l = "@0:" + label;
    for (size_t k = 0; k < v.size(); ++k)
      if (!v[k].empty()) l += "|@" + std::to_string(60 + 6 * k) + ":" + v[k];
    lines.push_back(l);
  };
  row("一、本年新收政府信息公开申请数量", {"5", "1", "0", "0", "0", "0", "6"});
  row("二、上年结转政府信息公开申请数量", {"1", "", "", "", "", "", "1"});  // blanks by column
  lines.push_back("1.申请人无正当理由逾期不补正、行政");
  row("机关不再处理其政府信息公开申请", {"2", "0", "0", "0", "0", "0", "2"});
  lines.push_back("<FF>");
  lines.push_back("某某县某某局2024年政府信息公开工作年度报告");  // running header
  row("2.申请人逾期未按收费通知要求缴纳费", {"3", "0", "0", "0", "0", "0", "3"});
  lines.push_back("用、行政机关不再处理其政府信息公开申请");
  row("3.其他", {"0", "0", "0", "0", "0", "0", "0"});
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(Value(r, "t3.new.natural"), 5);
  EXPECT_EQ(Value(r, "t3.new.commercial"), 1);
  EXPECT_EQ(Value(r, "t3.new.total"), 6);
  EXPECT_EQ(Value(r, "t3.carried_in.natural"), 1);
  EXPECT_EQ(r.data.cells["t3.carried_in.commercial"].state, CellState::kBlank);
  EXPECT_EQ(Value(r, "t3.carried_in.total"), 1);
  EXPECT_EQ(Value(r, "t3.other.no_correction.natural"), 2);
  EXPECT_EQ(Value(r, "t3.other.no_payment.natural"), 3);
  EXPECT_EQ(Value(r, "t3.other.other.total"), 0);
}

TEST(ExtractTest, SeedStyleTabRowsWithSpilledCells) {
  auto lines = Head();
  lines.push_back("三、收到和处理政府信息公开申请情况");
  lines.push_back("一、本年新收政府信息公开申请数量||7|1|0|0|2|0|10|");
  lines.push_back("三、本年度办理结果|(一) 予以公开|4|0|0|0|1|0|5|");
  lines.push_back("|(三) 不予公开|1. 属于国家秘密|1|0|0|0|0|0|1");
  lines.push_back("3. 其他||0|0|0|0|0|0|0|");
  lines.push_back("(七) 总计||9|1|0|0|2|0|12|");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(Value(r, "t3.new.natural"), 7);
  EXPECT_EQ(Value(r, "t3.new.legal"), 2);
  EXPECT_EQ(Value(r, "t3.new.total"), 10);
  EXPECT_EQ(Value(r, "t3.granted.natural"), 4);
  EXPECT_EQ(Value(r, "t3.granted.total"), 5);
  EXPECT_EQ(Value(r, "t3.withheld.state_secret.natural"), 1);
  EXPECT_EQ(Value(r, "t3.other.other.total"), 0);
  EXPECT_EQ(Value(r, "t3.handled_total.total"), 12);
}

TEST(ExtractTest, Table4AsOneRowUnderAThreeLineHeader) {
  auto lines = Head();
  lines.push_back("四、政府信息公开行政复议、行政诉讼情况");
  lines.push_back("行政复议|||||行政诉讼");
  lines.push_back("结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|||||复议后起诉");
  lines.push_back(
      "|||||结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计");
  lines.push_back("1|2|0|0|3|0|1|0|1|2|4|0|0|0|4");
  lines.push_back("五、存在的主要问题及改进情况");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(Value(r, "t4.review.upheld"), 1);
  EXPECT_EQ(Value(r, "t4.review.total"), 3);
  EXPECT_EQ(Value(r, "t4.suit_direct.corrected"), 1);
  EXPECT_EQ(Value(r, "t4.suit_direct.total"), 2);
  EXPECT_EQ(Value(r, "t4.suit_after_review.upheld"), 4);
  EXPECT_EQ(Value(r, "t4.suit_after_review.total"), 4);
}

TEST(ExtractTest, Table4WithARowPerBlock) {
  auto lines = Head();
  lines.push_back("四、政府信息公开行政复议、行政诉讼情况");
  lines.push_back("行政复议|1|0|0|0|1");
  lines.push_back("未经复议直接起诉|0|0|0|2|2");
  lines.push_back("复议后起诉|0|1|0|0|1");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(Value(r, "t4.review.total"), 1);
  EXPECT_EQ(Value(r, "t4.suit_direct.pending"), 2);
  EXPECT_EQ(Value(r, "t4.suit_after_review.corrected"), 1);
}

TEST(ExtractTest, UnreadableFiguresAndRepeatedRows) {
  auto lines = Head();
  lines.push_back("行政许可|约3");
  lines.push_back("行政许可|4");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(r.data.cells["t2.licensing.decisions"].state, CellState::kUnreadable);
  EXPECT_EQ(r.data.cells["t2.licensing.decisions"].text, "约3");
  int repeated = 0;
  for (const auto& p : r.problems)
    repeated += p.message_en.find("appears again") != std::string::npos;
  EXPECT_EQ(repeated, 1);
}

TEST(ExtractTest, NumberBrokenAcrossLinesInItsColumn) {
  auto lines = Head();
  lines.push_back("@0:行政许可|@40:12");
  lines.push_back("@40:34|");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), 1234);
}

TEST(ExtractTest, The2019TrialFormatIsRecognised) {
  auto lines = Head();
  lines.push_back("信息内容|本年新制作数量|本年新公开数量|对外公开总数量");
  lines.push_back("规范性文件|2|2|30");
  lines.push_back("信息内容|上一年项目数量|本年增/减|处理决定数量");
  lines.push_back("行政许可|10|-2|150");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(r.data.format_id, "2019");
  EXPECT_NE(r.format_reason.find("本年新制作数量"), std::string::npos);
  EXPECT_NE(r.format_reason_zh.find("2019年试行格式"), std::string::npos);
  EXPECT_EQ(Value(r, "t2.normative.total"), 30);
  EXPECT_EQ(Value(r, "t2.licensing.change"), -2);  // 本年增/减 may be negative
  EXPECT_EQ(Value(r, "t2.licensing.decisions"), 150);
}

TEST(ExtractTest, TitlesAsPublished) {
  struct Case {
    std::vector<std::string> lines;
    std::string agency;
    int year;
  } cases[] = {
      {{"信息分类：年度报告", "青石县自然资源局2024年政府信息公开工作年度报告"},
       "青石县自然资源局",
       2024},
      {{"青石县自然资源局政府信息公开工作年度报告（2024年度）"}, "青石县自然资源局", 2024},
      {{"青石县自然资源局2024年度政府信息公开工作报告"}, "青石县自然资源局", 2024},
      {{"青石县自然资源局二〇二四年政府信息公开工作年度报告"}, "青石县自然资源局", 2024},
      {{"青石县自然资源局2024年政府信息公开工作年", "度报告"}, "青石县自然资源局", 2024},
      {{"# 青石县自然资源局2024年政府信息公开工作年度报告"}, "青石县自然资源局", 2024},
  };
  for (const auto& c : cases) {
    auto lines = c.lines;
    lines.push_back("一、总体情况");
    auto r = ExtractReport(Doc(lines));
    EXPECT_EQ(r.agency_name, c.agency) << c.lines[0];
    EXPECT_EQ(r.year, c.year) << c.lines[0];
  }
}

TEST(ExtractTest, FeeAmountPrintedInYuanIsConverted) {
  auto lines = Head();
  lines.push_back("信息内容|本年收费金额（单位：元）");
  lines.push_back("行政事业性收费|52025.5");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(Value(r, "t2.fees.amount"), 5202550);  // fen
  bool noted = false;
  for (const auto& p : r.problems) noted |= p.message_en.find("元") != std::string::npos;
  EXPECT_TRUE(noted);
}

// In a tab paste a blank last figure and the spill-over cell after a two-column label look the
// same; rows with the label in the same column tell where the figures start.
TEST(ExtractTest, BlankCellsInTabRowsFollowTheirColumns) {
  auto lines = Head();
  lines.push_back("三、收到和处理政府信息公开申请情况");
  lines.push_back("一、本年新收政府信息公开申请数量||7|1|0|0|2|0|10|");
  lines.push_back("二、上年结转政府信息公开申请数量||1|0|0|0|0|0||");
  lines.push_back("|(四) 无法提供|1. 本机关不掌握相关政府信息|约3|0|0|0|0|0|3");
  lines.push_back("|(五) 不予处理|2. 重复申请|||||||");
  auto r = ExtractReport(Doc(lines));
  EXPECT_EQ(Value(r, "t3.carried_in.natural"), 1);
  EXPECT_EQ(r.data.cells["t3.carried_in.total"].state, CellState::kBlank);
  EXPECT_EQ(r.data.cells["t3.unable.not_held.natural"].state, CellState::kUnreadable);
  EXPECT_EQ(r.data.cells["t3.unable.not_held.natural"].text, "约3");
  EXPECT_EQ(Value(r, "t3.unable.not_held.total"), 3);
  EXPECT_EQ(r.data.cells["t3.rejected.repeat.natural"].state, CellState::kBlank);
  EXPECT_EQ(r.data.cells["t3.rejected.repeat.total"].state, CellState::kBlank);
}

TEST(CellParseTest, PublishedCellTexts) {
  EXPECT_EQ(ParseCellText("", false).state, CellState::kBlank);
  EXPECT_EQ(ParseCellText("——", false).state, CellState::kDash);
  EXPECT_EQ(ParseCellText("１２", false).value, 12);
  EXPECT_EQ(ParseCellText("1,234", false).value, 1234);
  EXPECT_EQ(ParseCellText("1,23", false).state, CellState::kUnreadable);
  EXPECT_EQ(ParseCellText("-3", false).value, -3);  // T3-04 then says it is negative
  EXPECT_EQ(ParseCellText("-", false).state, CellState::kDash);
  EXPECT_EQ(ParseCellText("0.0001", true).value, 100);
  EXPECT_EQ(ParseCellText("0.00001", true).state, CellState::kUnreadable);
  EXPECT_EQ(ParseCellText("3件", false).state, CellState::kUnreadable);
  int64_t fen = 0;
  EXPECT_TRUE(ParseYuan("12.3", &fen));
  EXPECT_EQ(fen, 1230);
  EXPECT_FALSE(ParseYuan("1.234", &fen));
}

}  // namespace
}  // namespace gongkai::report
