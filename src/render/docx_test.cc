#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "render/formats.h"
#include "render/sample_report.h"
#include "render/test_zip.h"

namespace gongkai::render {
namespace {

TEST(DocxTest, PackagePartsHeadingsFiguresAndMergedCells) {
  ReportDocument doc = testing::SampleReport();
  doc.draft = true;
  auto bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  testing::ZipReader zip(*bytes);
  ASSERT_TRUE(zip.ok());
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/header1.xml"}) {
    auto xml = zip.Read(part);
    ASSERT_TRUE(xml) << part;
    pugi::xml_document d;
    EXPECT_TRUE(d.load_string(xml->c_str())) << part;
  }
  EXPECT_EQ(zip.Names().front(), "[Content_Types].xml");

  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(zip.Read("word/document.xml")->c_str()));
  std::vector<std::string> paragraphs;
  for (auto p : d.select_nodes("//w:p")) {
    std::string text;
    for (auto t : p.node().select_nodes(".//w:t")) text += t.node().text().get();
    paragraphs.push_back(text);
  }
  auto has = [&](const std::string& s) {
    return std::find(paragraphs.begin(), paragraphs.end(), s) != paragraphs.end();
  };
  EXPECT_TRUE(has(doc.title));
  EXPECT_TRUE(has("草稿（未发布）"));
  for (const char* h :
       {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项", "三、本年度办理结果", "（三）不予公开", "申请人情况"}) {
    EXPECT_TRUE(has(h)) << h;
  }
  for (const auto& [id, cell] : doc.data.cells) {
    EXPECT_TRUE(has(id == "t2.fees.amount" ? "1.2346" : std::to_string(cell.value))) << id;
  }
  EXPECT_EQ(d.select_nodes("//w:tbl").size(), 3u);
  // Table 三: 28 rows, 3 repeated header rows, 申请人情况 spanning 7 columns, 三、本年度办理结果
  // merged over 22.
  pugi::xml_node t3 = d.select_nodes("//w:tbl")[1].node();
  EXPECT_EQ(t3.select_nodes("w:tr").size(), 28u);
  EXPECT_EQ(t3.select_nodes("w:tr[w:trPr/w:tblHeader]").size(), 3u);
  EXPECT_EQ(t3.select_nodes("w:tr/w:tc[w:tcPr/w:gridSpan/@w:val='7']").size(), 1u);
  EXPECT_EQ(t3.select_nodes("w:tr/w:tc[1][w:tcPr/w:vMerge]").size(),
            3u + 22u);  // note rows + group rows
  EXPECT_EQ(t3.select_nodes("w:tr/w:tc[w:tcPr/w:vMerge/@w:val='restart']").size(),
            1u + 2u + 1u + 4u);
  // Every row covers the 10 grid columns.
  for (auto tr : t3.select_nodes("w:tr")) {
    int cols = 0;
    for (auto tc : tr.node().children("w:tc")) {
      auto span = tc.child("w:tcPr").child("w:gridSpan");
      cols += span ? span.attribute("w:val").as_int() : 1;
    }
    EXPECT_EQ(cols, 10);
  }
  EXPECT_NE(zip.Read("word/footer1.xml")->find(" PAGE "), std::string::npos);
  EXPECT_NE(zip.Read("word/document.xml")->find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
            std::string::npos);
}

TEST(DocxTest, UserTextIsEscapedAndControlCharactersDropped) {
  ReportDocument doc = testing::SampleReport();
  doc.title = "A&B <局>";
  doc.data.narrative["一"] = std::string("含控制字符\x01的<段落>");
  auto bytes = RenderDocx(doc);
  ASSERT_TRUE(bytes.ok());
  testing::ZipReader zip(*bytes);
  auto xml = zip.Read("word/document.xml");
  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(xml->c_str()));
  EXPECT_NE(xml->find("A&amp;B &lt;局&gt;"), std::string::npos);
  EXPECT_NE(xml->find("含控制字符的&lt;段落&gt;"), std::string::npos);
  EXPECT_FALSE(zip.Read("word/header1.xml"));  // not a draft: no draft header
}

}  // namespace
}  // namespace gongkai::render
