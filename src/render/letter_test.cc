#include "render/letter.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "render/test_pdf.h"
#include "render/test_zip.h"

namespace gongkai::render {
namespace {

Letter Sample() {
  Letter l;
  l.title = "政府信息公开申请受理回执";
  l.number = "〔2025〕第3号";
  l.addressee = "张三：";
  l.body = {"本机关已经收到您提出的政府信息公开申请。", "第二段正文。"};
  l.table = {{"申请日期", "2025年3月4日"},
             {"所需信息", "磁钟乡2024年农村危房改造补助名单\n第二行"}};
  l.closing = {"特此告知。"};
  l.issuer = "三门峡市湖滨区磁钟乡人民政府";
  l.date = "2025年3月4日";
  l.seal = "（印章）";
  return l;
}

TEST(ParseLetterTest, DirectivesBodyRowsAndClosing) {
  auto l = ParseLetter(
      "@title  受理回执 \n@number 〔2025〕第3号\n@to 张三：\n\n  第一段。\n\u3000\u3000第二段。\n"
      "@row 申请日期|2025年3月4日\n@row 信息|A|B\n@close 特此告知。\n@seal （印章）\n"
      "@issuer 某乡人民政府\n@date 2025年3月4日\n");
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "受理回执");
  EXPECT_EQ(l->number, "〔2025〕第3号");
  EXPECT_EQ(l->addressee, "张三：");
  EXPECT_EQ(l->body, (std::vector<std::string>{"第一段。", "第二段。"}));
  ASSERT_EQ(l->table.size(), 2u);
  EXPECT_EQ(l->table[0].label, "申请日期");
  EXPECT_EQ(l->table[1].value, "A|B");  // split at the first bar only
  EXPECT_EQ(l->closing, (std::vector<std::string>{"特此告知。"}));
  EXPECT_EQ(l->seal, "（印章）");
  EXPECT_EQ(l->issuer, "某乡人民政府");
  EXPECT_EQ(l->date, "2025年3月4日");
}

TEST(ParseLetterTest, DataNeverBecomesADirectiveAndItsLinesContinueTheirField) {
  // What a template like "@to {{name}}：\n{{reply}}\n@row 事项|{{items}}" renders with data values.
  std::string text = "@title T\n@to " + EscapeLetterData("张三") + "：\n" +
                     EscapeLetterData("@title 伪造的标题\n第二段\n\n@close 伪造") + "\n@row 事项|" +
                     EscapeLetterData("一、写明文号\n二、写明年份") + "\n@close " +
                     EscapeLetterData("结束\n@issuer 伪造机关");
  auto l = ParseLetter(text);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  EXPECT_EQ(l->title, "T");
  EXPECT_EQ(l->addressee, "张三：");
  EXPECT_EQ(l->body, (std::vector<std::string>{"@title 伪造的标题", "第二段", "@close 伪造"}));
  ASSERT_EQ(l->table.size(), 1u);
  EXPECT_EQ(l->table[0].value, "一、写明文号\n二、写明年份");
  EXPECT_EQ(l->closing, (std::vector<std::string>{"结束", "@issuer 伪造机关"}));
  EXPECT_EQ(l->issuer, "");
}

TEST(ParseLetterTest, Refusals) {
  struct Case {
    const char* text;
    const char* zh;
  } cases[] = {
      {"@title T\n@frobnicate x\n", "无法识别的指令“@frobnicate”"},
      {"@title T\n@row 没有分隔符\n", "表格行"},
      {"正文\n", "公文缺少标题"},
  };
  for (const auto& c : cases) {
    auto l = ParseLetter(c.text);
    ASSERT_FALSE(l.ok()) << c.text;
    EXPECT_EQ(l.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(l.status().ui_message().find(c.zh), std::string::npos) << l.status().ui_message();
  }
}

TEST(EscapeLetterDataTest, MarksStartAndLinesAndDropsControls) {
  EXPECT_EQ(EscapeLetterData("a\r\nb\x01\tc"), std::string("\x1E") + "a\n\x1F" + "b c");
  EXPECT_EQ(EscapeLetterData(""), "\x1E");
}

// Every paragraph's text, in order.
std::vector<std::string> Paragraphs(const pugi::xml_node& root) {
  std::vector<std::string> out;
  for (auto p : root.select_nodes("//w:p")) {
    std::string text;
    for (auto t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
    out.push_back(text);
  }
  return out;
}

TEST(LetterDocxTest, PartsTextTableAndSignature) {
  auto bytes = RenderLetterDocx(Sample());
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  testing::ZipReader zip(*bytes);
  ASSERT_TRUE(zip.ok());
  EXPECT_EQ(zip.Names().front(), "[Content_Types].xml");
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                           "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                           "word/fontTable.xml", "word/footer1.xml", "docProps/core.xml"}) {
    auto xml = zip.Read(part);
    ASSERT_TRUE(xml) << part;
    pugi::xml_document d;
    EXPECT_TRUE(d.load_string(xml->c_str())) << part;
  }
  EXPECT_FALSE(zip.Read("word/header1.xml"));
  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(zip.Read("word/document.xml")->c_str()));
  auto paragraphs = Paragraphs(d);
  std::vector<std::string> expected = {"政府信息公开申请受理回执",
                                       "〔2025〕第3号",
                                       "张三：",
                                       "本机关已经收到您提出的政府信息公开申请。",
                                       "第二段正文。",
                                       "申请日期",
                                       "2025年3月4日",
                                       "所需信息",
                                       "磁钟乡2024年农村危房改造补助名单",
                                       "第二行",
                                       "",  // after the table
                                       "特此告知。",
                                       "（印章）",
                                       "三门峡市湖滨区磁钟乡人民政府",
                                       "2025年3月4日"};
  EXPECT_EQ(paragraphs, expected);
  // Styles used exist; the date is four characters (1280 twips) from the right margin, the
  // issuer (wider than the date) ends at the margin, and the seal is centred over the date.
  auto styles = zip.Read("word/styles.xml");
  for (auto p : d.select_nodes("//w:pStyle/@w:val")) {
    EXPECT_NE(styles->find("w:styleId=\"" + std::string(p.attribute().value()) + "\""),
              std::string::npos)
        << p.attribute().value();
  }
  auto right_indent = [&](const std::string& text) {
    for (auto p : d.select_nodes("//w:p")) {
      std::string t;
      for (auto r : p.node().select_nodes(".//w:t")) t += r.node().text().get();
      if (t == text && p.node().select_node("w:pPr/w:ind"))
        return p.node().select_node("w:pPr/w:ind").node().attribute("w:right").as_int();
    }
    return -1;
  };
  EXPECT_EQ(right_indent("2025年3月4日"), 1280);
  EXPECT_EQ(right_indent("三门峡市湖滨区磁钟乡人民政府"), 0);
  EXPECT_EQ(right_indent("（印章）"), 1280 + (12 - 8) / 2 * 160);  // date 12 half-ems, seal 8
  EXPECT_EQ(d.select_nodes("//w:tbl/w:tr").size(), 2u);
  EXPECT_EQ(d.select_nodes("//w:tbl/w:tblGrid/w:gridCol").size(), 2u);
  EXPECT_NE(zip.Read("docProps/core.xml")->find("政府信息公开申请受理回执"), std::string::npos);
}

TEST(LetterDocxTest, TextIsEscaped) {
  Letter l = Sample();
  l.body = {"A&B <局> \x01"};
  auto bytes = RenderLetterDocx(l);
  ASSERT_TRUE(bytes.ok());
  testing::ZipReader zip(*bytes);
  auto xml = zip.Read("word/document.xml");
  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(xml->c_str()));
  EXPECT_NE(xml->find("A&amp;B &lt;局&gt; "), std::string::npos);
}

TEST(LetterPdfTest, EverythingIsPrinted) {
  if (!testing::HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  auto pdf = RenderLetterPdf(Sample());
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->rfind("%PDF", 0), 0u);
  std::string text = testing::Flat(testing::PdfText(*pdf));
  for (const char* s : {"政府信息公开申请受理回执", "〔2025〕第3号", "张三：",
                        "本机关已经收到您提出的政府信息公开申请。", "申请日期", "2025年3月4日",
                        "磁钟乡2024年农村危房改造补助名单", "第二行", "特此告知。", "（印章）",
                        "三门峡市湖滨区磁钟乡人民政府", "—1—"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s;
  }
  EXPECT_EQ(testing::Pages(testing::PdfText(*pdf)).size(), 1u);
}

TEST(LetterPdfTest, LongTextFlowsOverPagesAndTheSignatureKeepsTheLastLine) {
  if (!testing::HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  for (int sentences : {60, 75, 90, 105}) {
    Letter l = Sample();
    std::string long_paragraph;
    for (int i = 1; i <= sentences; ++i) {
      long_paragraph += "第" + std::to_string(i) + "句说明申请办理情况。";
    }
    l.body.push_back(long_paragraph);
    std::string long_value;
    for (int i = 1; i <= 30; ++i) long_value += "表格内第" + std::to_string(i) + "条。";
    l.table.push_back({"很长的内容", long_value});
    auto pdf = RenderLetterPdf(l);
    ASSERT_TRUE(pdf.ok());
    auto pages = testing::Pages(testing::PdfText(*pdf));
    ASSERT_GE(pages.size(), 2u) << sentences;
    std::string all = testing::PrintedText(*pdf);
    for (int i = 1; i <= sentences; ++i) {
      EXPECT_NE(all.find("第" + std::to_string(i) + "句"), std::string::npos) << i;
    }
    const std::string last = testing::Flat(pages.back());
    EXPECT_NE(last.find("特此告知。"), std::string::npos) << sentences;
    EXPECT_NE(last.find("三门峡市湖滨区磁钟乡人民政府"), std::string::npos) << sentences;
    EXPECT_NE(last.find("2025年3月4日"), std::string::npos) << sentences;
  }
}

TEST(LetterPdfTest, ARowTallerThanAPageIsPrintedAsText) {
  if (!testing::HavePdftotext()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  Letter l = Sample();
  std::string huge;
  for (int i = 1; i <= 150; ++i) huge += "第" + std::to_string(i) + "项描述。";
  l.table = {{"描述", huge}};
  auto pdf = RenderLetterPdf(l);
  ASSERT_TRUE(pdf.ok());
  std::string all = testing::PrintedText(*pdf);
  for (int i = 1; i <= 150; ++i) {
    EXPECT_NE(all.find("第" + std::to_string(i) + "项"), std::string::npos) << i;
  }
}

}  // namespace
}  // namespace gongkai::render
