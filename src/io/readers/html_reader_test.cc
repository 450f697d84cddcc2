#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/text.h"
#include "io/readers/readers.h"

namespace gongkai::io {
namespace {

using report::BlockKind;
using report::SourceBlock;
using report::SourceDocument;

report::SourceDocument Read(std::string_view html) {
  auto doc = ReadHtmlReport(html);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : SourceDocument{};
}

std::vector<std::string> Paragraphs(const SourceDocument& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::kParagraph) out.push_back(b.cells.at(0).text);
  return out;
}

std::vector<const SourceBlock*> Rows(const SourceDocument& doc) {
  std::vector<const SourceBlock*> out;
  for (const auto& b : doc.blocks)
    if (b.kind == BlockKind::kRow) out.push_back(&b);
  return out;
}

// "column:text" for each cell, e.g. "0:一、本年新收|3:1".
std::string Cells(const SourceBlock& row) {
  std::string out;
  for (const auto& c : row.cells) {
    if (!out.empty()) out += "|";
    out += std::to_string(c.column) + ":" + c.text;
  }
  return out;
}

std::string Numbers(int first) {
  std::string out;
  for (int i = 0; i < 7; ++i) out += "<td>" + std::to_string(first + i) + "</td>";
  return out;
}

TEST(HtmlReaderTest, Table3GridColumnsAfterRowspanAndColspan) {
  std::string html = R"(<html><head><title>标题不读</title><style>td{}</style></head><body>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
    <td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>)" +
                     Numbers(10) + R"(</tr>
<tr><td rowspan="10">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>)" +
                     Numbers(20) + R"(</tr>
<tr><td colspan="2">（二）部分公开</td>)" +
                     Numbers(30) + R"(</tr>
<tr><td rowspan="8">（三）不予公开</td><td>1.属于国家秘密</td>)" +
                     Numbers(40) + "</tr>";
  for (int i = 2; i <= 8; ++i)
    html += "<tr><td>" + std::to_string(i) + ".理由</td>" + Numbers(40 + 10 * i) + "</tr>";
  html += "<tr><td colspan=\"3\">四、结转下年度继续办理</td>" + Numbers(200) +
          "</tr></table></body></html>";

  SourceDocument doc = Read(html);
  EXPECT_EQ(doc.reader, "html");
  ASSERT_EQ(Paragraphs(doc), std::vector<std::string>{"三、收到和处理政府信息公开申请情况"});
  auto rows = Rows(doc);
  ASSERT_EQ(rows.size(), 15u);
  for (const auto* r : rows) EXPECT_EQ(r->table, 1);
  EXPECT_EQ(Cells(*rows[0]),
            "0:（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|3:申请人情况");
  EXPECT_EQ(Cells(*rows[1]), "3:自然人|4:法人或其他组织|9:总计");
  EXPECT_EQ(Cells(*rows[2]), "4:商业企业|5:科研机构|6:社会公益组织|7:法律服务机构|8:其他");
  EXPECT_EQ(Cells(*rows[3]),
            "0:一、本年新收政府信息公开申请数量|3:10|4:11|5:12|6:13|7:14|8:15|9:16");
  EXPECT_EQ(Cells(*rows[4]),
            "0:三、本年度办理结果|1:（一）予以公开|3:20|4:21|5:22|6:23|7:24|8:25|9:26");
  EXPECT_EQ(Cells(*rows[5]), "1:（二）部分公开|3:30|4:31|5:32|6:33|7:34|8:35|9:36");
  EXPECT_EQ(Cells(*rows[6]),
            "1:（三）不予公开|2:1.属于国家秘密|3:40|4:41|5:42|6:43|7:44|8:45|9:46");
  for (int i = 7; i <= 13; ++i) {
    ASSERT_EQ(rows[i]->cells.size(), 8u) << Cells(*rows[i]);
    EXPECT_EQ(rows[i]->cells[0].column, 2) << Cells(*rows[i]);
    EXPECT_EQ(rows[i]->cells[7].column, 9) << Cells(*rows[i]);
  }
  EXPECT_EQ(Cells(*rows[13]), "2:8.理由|3:120|4:121|5:122|6:123|7:124|8:125|9:126");
  // Both rowspans have ended: the next label is back in column 0.
  EXPECT_EQ(Cells(*rows[14]), "0:四、结转下年度继续办理|3:200|4:201|5:202|6:203|7:204|8:205|9:206");
}

TEST(HtmlReaderTest, ParagraphsInOrderWithNestedMarkupFlattened) {
  SourceDocument doc = Read(R"(<!DOCTYPE html><html><head><title>不要</title>
<script>var x = "<p>不要</p>";</script></head><body>
<h1>某某乡人民政府<span>2023年</span>政府信息公开工作年度报告</h1>
<div>直接在div里的文字<p>一、<b>总体</b><font color="red">情况</font></p>尾巴</div>
<p>第一行<br>第二行<br/>  <br>第三行</p>
<ul><li>甲</li><li>乙 <a href="#">链接</a></li></ul>
<p>   多个   空白
   合并   </p>
<p>&nbsp;</p>
<p>不&nbsp;&nbsp;间断&#12288;空格</p>
</body></html>)");
  EXPECT_EQ(Paragraphs(doc), (std::vector<std::string>{
                                 "某某乡人民政府2023年政府信息公开工作年度报告",
                                 "直接在div里的文字", "一、总体情况", "尾巴", "第一行", "第二行",
                                 "第三行", "甲", "乙 链接", "多个 空白 合并", "不 间断 空格"}));
  EXPECT_TRUE(Rows(doc).empty());
}

TEST(HtmlReaderTest, CellTextFlattenedAndBlankCellsKept) {
  SourceDocument doc = Read(R"(<table>
<tr><th><p class="MsoNormal"><span>（二）部分公开</span></p>
        <p><span>（区分处理的，只计这一情形）</span></p></th>
    <td>&nbsp;</td><td><b> 3 </b></td><td>第一<br>第二</td></tr>
</table><p>表后</p><table><tr><td>二</td><td>1</td></tr></table>)");
  auto rows = Rows(doc);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Cells(*rows[0]), "0:（二）部分公开 （区分处理的，只计这一情形）|1:|2:3|3:第一 第二");
  EXPECT_EQ(rows[0]->table, 1);
  EXPECT_EQ(rows[1]->table, 2);
  EXPECT_EQ(Paragraphs(doc), std::vector<std::string>{"表后"});
}

TEST(HtmlReaderTest, RowspanStopsAtTheEndOfItsRowGroupAndSpansAreClamped) {
  SourceDocument doc = Read(R"(<table>
<thead><tr><th rowspan="5">项目</th><th>数量</th></tr></thead>
<tbody><tr><td>甲</td><td colspan="0">1</td><td rowspan="-3" colspan="2px">2</td><td>3</td></tr>
<tr><td rowspan="0">乙</td><td>4</td></tr><tr><td>5</td></tr></tbody></table>)");
  auto rows = Rows(doc);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(Cells(*rows[0]), "0:项目|1:数量");
  EXPECT_EQ(Cells(*rows[1]), "0:甲|1:1|2:2|4:3");
  EXPECT_EQ(Cells(*rows[2]), "0:乙|1:4");
  EXPECT_EQ(Cells(*rows[3]), "1:5");  // rowspan="0" covers the rest of the group
}

TEST(HtmlReaderTest, PageLayoutTablesAreReadAsParagraphs) {
  SourceDocument doc = Read(R"(<table width="100%"><tr><td>首页</td><td>
<h2>2023年政府信息公开工作年度报告</h2><p>一、总体情况</p>
<table><tr><td>规章</td><td>0</td></tr></table>
<p>二、主动公开政府信息情况</p></td></tr></table>)");
  EXPECT_EQ(Paragraphs(doc),
            (std::vector<std::string>{"首页", "2023年政府信息公开工作年度报告", "一、总体情况",
                                      "二、主动公开政府信息情况"}));
  auto rows = Rows(doc);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Cells(*rows[0]), "0:规章|1:0");
  EXPECT_EQ(rows[0]->table, 1);  // the layout table takes no number

  // A single-cell frame around the text is layout too.
  EXPECT_EQ(Paragraphs(Read("<table><tr><td><p>甲</p><p>乙</p></td></tr></table>")),
            (std::vector<std::string>{"甲", "乙"}));
}

TEST(HtmlReaderTest, PreformattedTextIsSplitLikeAText) {
  SourceDocument doc = Read("<pre>一、总体情况\n规章\t0\t1\n\n</pre>");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(doc.blocks[0].cells.at(0).text, "一、总体情况");
  EXPECT_EQ(doc.blocks[1].kind, BlockKind::kRow);
  EXPECT_EQ(Cells(doc.blocks[1]), "0:规章|1:0|2:1");
}

TEST(HtmlReaderTest, GbkBytesWithDeclaredCharset) {
  // "规章" and "政府" in GBK.
  const std::string text = "\xB9\xE6\xD5\xC2";
  for (std::string meta : {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">",
                           "<META CHARSET='GB2312'>", "<meta charset=gb18030 />"}) {
    std::string html = "<html><head>" + meta + "</head><body><p>" + text +
                       "</p><table><tr><td>\xD5\xFE\xB8\xAE</td></tr></table></body></html>";
    SourceDocument doc = Read(html);
    ASSERT_EQ(doc.blocks.size(), 2u) << meta;
    EXPECT_EQ(doc.blocks[0].cells[0].text, "规章") << meta;
    EXPECT_EQ(doc.blocks[1].cells[0].text, "政府") << meta;
  }
  // A UTF-8 page with a BOM and a wrong declaration is still read as UTF-8.
  SourceDocument utf8 = Read("\xEF\xBB\xBF<meta charset=gbk><p>规章</p>");
  EXPECT_EQ(Paragraphs(utf8), std::vector<std::string>{"规章"});
}

TEST(HtmlReaderTest, RefusesEmptyTooLargeAndBinaryInput) {
  struct Case {
    std::string bytes;
    const char* reason;
  } cases[] = {
      {"", "empty"},
      {"<html><head><title>x</title></head><body> &nbsp; <script>1</script></body></html>",
       "no text"},
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "binary"},
      {std::string((50u << 20) + 1, 'a'), "too large"},
  };
  for (const auto& c : cases) {
    auto doc = ReadHtmlReport(c.bytes);
    ASSERT_FALSE(doc.ok()) << c.reason;
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(doc.status().message().find(c.reason), std::string::npos) << doc.status().message();
    EXPECT_FALSE(doc.status().ui_message().empty());
  }
}

TEST(HtmlReaderTest, JunkNeverCrashesAndGivesUtf8) {
  std::mt19937 rng(5);
  std::vector<std::string> inputs = {
      "<table><tr><td rowspan=99999999999 colspan=-5>x<td colspan=1000000>y</table>",
      "<<<>>>&&&;&#0;&#xD800;&#99999999;<p <td></tr></table></table>",
      "<table><td>孤立的单元格<tr></tr><caption>标题</caption></table><td>表外</td>",
      "\xFF\xFE<\0p\0>\0",
  };
  for (int n = 0; n < 200; ++n) {
    std::string s;
    const char* pieces[] = {
        "<table>", "<tr>", "<td rowspan=3>", "<th colspan=2>", "</td>", "</tr>", "<p>", "<br>",
        "文字",    " ",    "&nbsp;",         "</table>",       "<b>",   "<pre>", "\t",  "\n",
        "<div>",   "</p>"};
    for (int k = 0; k < 60; ++k) s += pieces[rng() % std::size(pieces)];
    inputs.push_back(s);
  }
  for (int n = 0; n < 20; ++n) {
    std::string s(1 + rng() % 2000, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    inputs.push_back(s);
  }
  for (const auto& in : inputs) {
    auto doc = ReadHtmlReport(in);
    if (!doc.ok()) {
      EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument);
      continue;
    }
    for (const auto& b : doc->blocks)
      for (const auto& c : b.cells) EXPECT_TRUE(IsValidUtf8(c.text)) << c.text;
  }
}

TEST(HtmlReaderTest, DeeplyNestedMarkupDoesNotOverflowTheStack) {
  std::string html;
  for (int i = 0; i < 50000; ++i) html += "<table><tr><td>";
  html += "最里面";
  auto doc = ReadHtmlReport(html);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(Paragraphs(*doc), std::vector<std::string>{"最里面"});

  std::string spans;
  for (int i = 0; i < 50000; ++i) spans += "<span>";
  EXPECT_EQ(Paragraphs(Read(spans + "深")), std::vector<std::string>{"深"});
}

TEST(HtmlReaderTest, MarkupThatExplodesInTheParserIsRefused) {
  // Every <p> re-opens all 2,000 unclosed formatting elements: gumbo would build ten million
  // elements (gigabytes) from 60 KB.
  std::string html = "<div>";
  for (int i = 0; i < 2000; ++i) html += "<b id=" + std::to_string(i) + ">";
  html += "</div>";
  for (int i = 0; i < 5000; ++i) html += "<p>x</p>";
  auto doc = ReadHtmlReport(html);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("too complex"), std::string::npos)
      << doc.status().message();
}

}  // namespace
}  // namespace gongkai::io
