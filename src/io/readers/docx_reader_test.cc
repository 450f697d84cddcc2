#include <gtest/gtest.h>
#include <zip.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "io/readers/readers.h"

namespace gongkai::io {
namespace {

using report::BlockKind;
using report::SourceBlock;
using report::SourceDocument;

using Parts = std::vector<std::pair<std::string, std::string>>;

// A ZIP package in memory (io cannot link the renderer's zip writer).
std::string Zip(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);  // read back after zip_close
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, data] : parts) {
    zip_source_t* part = zip_source_buffer(archive, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  std::string out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_open(buffer) == 0) {
    if (zip_source_stat(buffer, &st) == 0) {
      out.resize(st.size);
      EXPECT_EQ(zip_source_read(buffer, out.data(), st.size), static_cast<zip_int64_t>(st.size));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

constexpr const char* kNs =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string DocumentXml(const std::string& body) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") +
         "<w:document " + kNs + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

std::string Docx(const std::string& body) {
  return Zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", DocumentXml(body)}});
}

std::string P(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

// A cell: text, then tcPr content (gridSpan, vMerge).
std::string Tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr><w:tcW w:w=\"900\" w:type=\"dxa\"/>" + props + "</w:tcPr>" + P(text) +
         "</w:tc>";
}
std::string Span(int n) { return "<w:gridSpan w:val=\"" + std::to_string(n) + "\"/>"; }
const std::string kRestart = "<w:vMerge w:val=\"restart\"/>";
const std::string kContinue = "<w:vMerge/>";

std::string Numbers(int first) {
  std::string out;
  for (int i = 0; i < 7; ++i) out += Tc(std::to_string(first + i));
  return out;
}

SourceDocument Read(const std::string& bytes) {
  auto doc = ReadDocxReport(bytes);
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

std::string Cells(const SourceBlock& row) {
  std::string out;
  for (const auto& c : row.cells) {
    if (!out.empty()) out += "|";
    out += std::to_string(c.column) + ":" + c.text;
  }
  return out;
}

TEST(DocxReaderTest, Table3GridColumnsFromGridSpanAndVMerge) {
  std::string tbl = "<w:tbl><w:tblPr/><w:tblGrid>";
  for (int i = 0; i < 10; ++i) tbl += "<w:gridCol w:w=\"900\"/>";
  tbl += "</w:tblGrid>";
  tbl += "<w:tr>" +
         Tc("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            Span(3) + kRestart) +
         Tc("申请人情况", Span(7)) + "</w:tr>";
  tbl += "<w:tr>" + Tc("", Span(3) + kContinue) + Tc("自然人", kRestart) +
         Tc("法人或其他组织", Span(5)) + Tc("总计", kRestart) + "</w:tr>";
  tbl += "<w:tr>" + Tc("", Span(3) + kContinue) + Tc("", kContinue) + Tc("商业企业") +
         Tc("科研机构") + Tc("社会公益组织") + Tc("法律服务机构") + Tc("其他") + Tc("", kContinue) +
         "</w:tr>";
  tbl += "<w:tr>" + Tc("一、本年新收政府信息公开申请数量", Span(3)) + Numbers(10) + "</w:tr>";
  tbl += "<w:tr>" + Tc("三、本年度办理结果", kRestart) + Tc("（三）不予公开", kRestart) +
         Tc("1.属于国家秘密") + Numbers(40) + "</w:tr>";
  for (int i = 2; i <= 8; ++i) {
    tbl += "<w:tr>" + Tc("", kContinue) + Tc("", "<w:vMerge w:val=\"continue\"/>") +
           Tc(std::to_string(i) + ".理由") + Numbers(40 + 10 * i) + "</w:tr>";
  }
  // A row that starts two grid columns in (gridBefore), as Word writes ragged tables.
  tbl += "<w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>" + Tc("合计") + Numbers(90) +
         "</w:tr></w:tbl>";

  SourceDocument doc = Read(Docx(P("三、收到和处理政府信息公开申请情况") + tbl + P("四、")));
  EXPECT_EQ(doc.reader, "docx");
  EXPECT_EQ(Paragraphs(doc),
            (std::vector<std::string>{"三、收到和处理政府信息公开申请情况", "四、"}));
  auto rows = Rows(doc);
  ASSERT_EQ(rows.size(), 13u);
  for (const auto* r : rows) EXPECT_EQ(r->table, 1);
  EXPECT_EQ(Cells(*rows[0]),
            "0:（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|3:申请人情况");
  EXPECT_EQ(Cells(*rows[1]), "3:自然人|4:法人或其他组织|9:总计");
  EXPECT_EQ(Cells(*rows[2]), "4:商业企业|5:科研机构|6:社会公益组织|7:法律服务机构|8:其他");
  EXPECT_EQ(Cells(*rows[3]),
            "0:一、本年新收政府信息公开申请数量|3:10|4:11|5:12|6:13|7:14|8:15|9:16");
  EXPECT_EQ(
      Cells(*rows[4]),
      "0:三、本年度办理结果|1:（三）不予公开|2:1.属于国家秘密|3:40|4:41|5:42|6:43|7:44|8:45|9:46");
  for (int i = 5; i <= 11; ++i) {
    ASSERT_EQ(rows[i]->cells.size(), 8u) << Cells(*rows[i]);
    EXPECT_EQ(rows[i]->cells[0].column, 2) << Cells(*rows[i]);
    EXPECT_EQ(rows[i]->cells[7].column, 9) << Cells(*rows[i]);
  }
  EXPECT_EQ(Cells(*rows[11]), "2:8.理由|3:120|4:121|5:122|6:123|7:124|8:125|9:126");
  EXPECT_EQ(Cells(*rows[12]), "2:合计|3:90|4:91|5:92|6:93|7:94|8:95|9:96");
}

TEST(DocxReaderTest, RunsFieldsControlsAndTrackedChanges) {
  std::string body =
      // Runs, tabs and breaks: a label split over lines stays in one piece.
      "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>一、</w:t></w:r>"
      "<w:r><w:t>总体</w:t></w:r><w:r><w:tab/><w:t>情况</w:t><w:br/><w:t>续</w:t></w:r></w:p>"
      // Hyperlink, smart tag, simple field, inline content control.
      "<w:p><w:hyperlink r:id=\"rId5\" xmlns:r=\"x\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
      "<w:smartTag w:uri=\"u\" w:element=\"e\"><w:r><w:t>标记</w:t></w:r></w:smartTag>"
      "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>3</w:t></w:r></w:fldSimple>"
      "<w:sdt><w:sdtPr><w:alias w:val=\"名称\"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t>"
      "</w:r></w:sdtContent></w:sdt></w:p>"
      // A complex field: the code is not text, the result is.
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DATE </w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2024年1月</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
      // Tracked changes: insertions read, deletions and moved-away text not.
      "<w:p><w:r><w:t>收到申请</w:t></w:r><w:del w:id=\"1\" "
      "w:author=\"a\"><w:r><w:delText>5</w:delText>"
      "</w:r></w:del><w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>6</w:t></w:r></w:ins>"
      "<w:moveFrom w:id=\"3\"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>"
      "<w:r><w:t>件</w:t></w:r></w:p>"
      // A block-level content control and an empty paragraph.
      "<w:sdt><w:sdtContent>" +
      P("  控件里的段落  ") + "</w:sdtContent></w:sdt><w:p/>" + P("   ") +
      "<w:tbl><w:tr><w:trPr><w:del w:id=\"4\" w:author=\"a\"/></w:trPr>" + Tc("删除的行") +
      "</w:tr><w:tr>" + Tc("留下的行") + "</w:tr></w:tbl>";
  SourceDocument doc = Read(Docx(body));
  EXPECT_EQ(Paragraphs(doc),
            (std::vector<std::string>{"一、总体 情况", "续", "链接标记3控件", "2024年1月",
                                      "收到申请6件", "控件里的段落"}));
  auto rows = Rows(doc);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Cells(*rows[0]), "0:留下的行");
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_NE(doc.notes[0].find("tracked changes"), std::string::npos);
}

TEST(DocxReaderTest, CellParagraphsJoinedAndNestedTablesFlattened) {
  std::string nested =
      "<w:tbl><w:tr>" + Tc("内1") + Tc("内2") + "</w:tr><w:tr>" + Tc("内3") + "</w:tr></w:tbl>";
  std::string body = "<w:tbl><w:tr><w:tc>" + P("（二）部分公开") + P("") +
                     P("（区分处理的，只计这一情形）") + "</w:tc><w:tc>" + P("前") + nested +
                     P("后") + "</w:tc>" + Tc("") + "</w:tr></w:tbl>" + P("表间") +
                     "<w:tbl><w:tr>" + Tc("二") + "</w:tr></w:tbl>";
  SourceDocument doc = Read(Docx(body));
  auto rows = Rows(doc);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Cells(*rows[0]),
            "0:（二）部分公开 （区分处理的，只计这一情形）|1:前 内1 内2 内3 后|2:");
  EXPECT_EQ(rows[0]->table, 1);
  EXPECT_EQ(rows[1]->table, 2);  // the nested table takes no number
  EXPECT_EQ(Paragraphs(doc), std::vector<std::string>{"表间"});
}

TEST(DocxReaderTest, OtherNamespacePrefixAndMainPartFromRelationships) {
  std::string xml =
      R"(<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w="urn:other"><x:body>)"
      R"(<x:p><x:r><x:t>正文</x:t></x:r><w:r><w:t>别的命名空间</w:t></w:r></x:p></x:body></x:document>)";
  std::string rels =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>)";
  SourceDocument doc =
      Read(Zip({{"_rels/.rels", rels}, {"word/document2.xml", xml}, {"word/document.xml", "x"}}));
  EXPECT_EQ(Paragraphs(doc), std::vector<std::string>{"正文"});

  // The default namespace, no prefix at all.
  std::string plain =
      R"(<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body>)"
      R"(<p><r><t>无前缀</t></r></p></body></document>)";
  EXPECT_EQ(Paragraphs(Read(Zip({{"word/document.xml", plain}}))),
            std::vector<std::string>{"无前缀"});
}

TEST(DocxReaderTest, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  SourceDocument doc = Read(Docx(P("好\xFF\xC3坏")));
  ASSERT_EQ(Paragraphs(doc).size(), 1u);
  EXPECT_TRUE(IsValidUtf8(Paragraphs(doc)[0]));
  EXPECT_EQ(Paragraphs(doc)[0], "好\xEF\xBF\xBD\xEF\xBF\xBD坏");
}

TEST(DocxReaderTest, RefusesBrokenPackagesWithOneLineReasons) {
  std::string good = Docx(P("一、总体情况") + P(std::string(5000, 'x')));
  std::mt19937 rng(7);
  std::string random(3000, '\0');
  for (char& c : random) c = static_cast<char>(rng());
  struct Case {
    std::string bytes;
    const char* reason;
  } cases[] = {
      {"", "empty"},
      {good.substr(0, good.size() / 2), "damaged or incomplete"},
      {good.substr(0, good.size() - 10), "damaged or incomplete"},
      {random, "not a ZIP"},
      {"%PDF-1.7 not a zip", "not a ZIP"},
      {Zip({{"xl/workbook.xml", "<workbook/>"}}), "no word/document.xml"},
      {Zip({{"word/document.xml", DocumentXml(P("未闭合") + "<w:p>")}}), "not well-formed XML"},
      {Zip({{"word/document.xml", "<html><body/></html>"}}), "not a Word document"},
      {Zip({{"word/document.xml", DocumentXml("<w:p/>" + P(" "))}}), "no text"},
      {Zip({{"word/document.xml", std::string((64u << 20) + 1, ' ')}}), "more than 64 MB"},
  };
  for (const auto& c : cases) {
    auto doc = ReadDocxReport(c.bytes);
    ASSERT_FALSE(doc.ok()) << c.reason;
    EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument) << doc.status().ToString();
    EXPECT_NE(doc.status().message().find(c.reason), std::string::npos) << doc.status().message();
    EXPECT_EQ(doc.status().message().find('\n'), std::string::npos);
    EXPECT_FALSE(doc.status().ui_message().empty());
  }
}

TEST(DocxReaderTest, CorruptedPackagesNeverCrash) {
  std::string good =
      Docx(P("一、总体情况") + "<w:tbl><w:tr>" + Tc("规章", Span(2)) + Tc("0") + "</w:tr></w:tbl>");
  std::mt19937 rng(11);
  for (int n = 0; n < 300; ++n) {
    std::string bytes = good;
    for (int k = 0; k < 1 + n % 8; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    auto doc = ReadDocxReport(bytes);
    if (!doc.ok()) {
      EXPECT_EQ(doc.status().code(), StatusCode::kInvalidArgument) << doc.status().ToString();
      continue;
    }
    for (const auto& b : doc->blocks)
      for (const auto& c : b.cells) EXPECT_TRUE(IsValidUtf8(c.text));
  }
}

TEST(DocxReaderTest, DeepNestingIsCutWithANote) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "<w:sdt><w:sdtContent>";
  body += P("深处");
  for (int i = 0; i < 5000; ++i) body += "</w:sdtContent></w:sdt>";
  auto doc = ReadDocxReport(Docx(P("浅处") + body));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(Paragraphs(*doc), std::vector<std::string>{"浅处"});
  ASSERT_EQ(doc->notes.size(), 1u);
  EXPECT_NE(doc->notes[0].find("nested"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::io
