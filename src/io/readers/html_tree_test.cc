// The strict HTML parser against gumbo: whatever it accepts, the reader must read exactly as it
// reads gumbo's tree; what it is not sure of, it must refuse.
#include "io/readers/html_tree.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gongkai::io {
namespace {

namespace fs = std::filesystem;

// Everything the reader returns, as one string.
std::string Dump(const Result<report::SourceDocument>& doc) {
  if (!doc.ok()) return "refused: " + doc.status().ToString();
  std::string out = doc->reader + "\n";
  for (const auto& b : doc->blocks) {
    out += std::to_string(static_cast<int>(b.kind)) + " table " + std::to_string(b.table) +
           " line " + std::to_string(b.line) + ":";
    for (const auto& c : b.cells) out += " [" + std::to_string(c.column) + "]" + c.text;
    out += "\n";
  }
  for (const auto& n : doc->notes) out += "note: " + n + "\n";
  return out;
}

void ExpectSameAsGumbo(std::string_view html, const std::string& what) {
  EXPECT_EQ(Dump(ReadHtmlReportWith(html, HtmlParser::kAuto)),
            Dump(ReadHtmlReportWith(html, HtmlParser::kGumboOnly)))
      << what;
}

bool Accepted(std::string_view html) { return ParseWellFormedHtml(html).has_value(); }

std::string Page(std::string_view body) {
  return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<title>标题</title>\n<style>p{margin:0}</style>\n</head>\n<body>\n" +
         std::string(body) + "\n</body>\n</html>\n";
}

// Well-formed markup the strict parser reads, each with something gumbo does on the way.
const char* const kAcceptedBodies[] = {
    "<p>一、总体情况</p><p>本年收到申请&nbsp;12&#20214;，答复&amp;办结 &#x31;0 件。</p>",
    "<h2>二、主动公开政府信息情况</h2>\n<table>\n<caption>表一</caption>\n<colgroup><col>"
    "<col></colgroup>\n<thead><tr><th colspan=\"2\">信息内容</th></tr></thead>\n<tbody>\n"
    "<tr><td rowspan=2>规章</td><td>0</td></tr>\n<tr><td>1</td></tr>\n</tbody>\n</table>",
    "<table><tr><td>行政许可</td><td colspan='3'>5</td></tr><tr><td>其他</td></tr></table>",
    "<table><tr><td>a</td></tr><tbody><tr><td>b</td></tr></tbody></table>",
    "<div><span>一、</span><b>总体</b><o:p></o:p>情况<br>第二行<br/>第三行</div>",
    "<pre>\n第一行\t1\t2\n第二行\t3\t4\r\n</pre><pre>x</pre>",
    "<ul><li>一<ul><li>二</li></ul></li><li>三</li></ul><dl><dt>a</dt><dd>b</dd></dl>",
    "<table><tr><td><table><tr><td>内</td></tr></table><p>段</p></td></tr></table>",
    "<!-- 注释 --><p>a<!-- b --->c</p><p>d<!--e--!>f</p>",
    "<P CLASS=x>大写</P><TABLE><TR><TD ROWSPAN=\"2\">1</TD></TR></TABLE>",
    "<p>x &lt; y &gt; z &quot;q&quot; &apos;a&apos; &ldquo;引号&rdquo; &mdash;&hellip; & 1</p>",
    "<section><header><h1>标题</h1></header><article><p>正文</p></article></section>",
    "<p>a<script>if (a < b) document.write('</p>')</script>b</p><hr><img src=x alt=y>",
};

// Markup the standard builds differently from how it is written, or that the parser does not
// follow: left to gumbo.
const char* const kRefusedBodies[] = {
    "<p>a<div>b</div></p>",                    // <div> closes the <p>
    "<p>a<table><tr><td>1</td></tr></table>",  // so does <table>
    "<table><tr><td>1</td></tr>x</table>",     // text foster-parented before the table
    "<table><td>1</td></table>",               // implied <tr>
    "<b><i>x</b></i>",                         // misnested: the adoption agency
    "<a href=1>x<a href=2>y</a></a>",          // nested links
    "<li>a<li>b",                              // implied end tags
    "<p>a",                                    // unclosed at the end
    "<h2>a<h3>b</h3></h2>",                    // a heading closes a heading
    "<div/>x",                                 // "/>" does not close a div
    "<p>&copy x &unknown; &#128;</p>",         // references gumbo knows better
    "<form><input name=a></form>",             // elements the parser does not follow
    "<p>a</br>b</p>",                          // </br> is a <br>
    "<pre>&#10;x</pre>",                       // a reference right after <pre>
    "<svg><p>x</p></svg>",
    "<p>1 < 2</p>",
    "<p>a\x1A b\xC2\x85 c\xEF\xBF\xBE</p>",  // characters gumbo replaces with U+FFFD
};

TEST(HtmlTreeTest, AcceptsWellFormedPagesAndReadsThemAsGumboDoes) {
  for (const char* body : kAcceptedBodies) {
    std::string html = Page(body);
    EXPECT_TRUE(Accepted(html)) << body;
    ExpectSameAsGumbo(html, body);
  }
}

TEST(HtmlTreeTest, RefusesWhatTheStandardBuildsDifferently) {
  for (const char* body : kRefusedBodies) {
    std::string html = Page(body);
    EXPECT_FALSE(Accepted(html)) << body;
    ExpectSameAsGumbo(html, body);
  }
}

TEST(HtmlTreeTest, NeedsTheWholeDocumentStructure) {
  EXPECT_TRUE(Accepted("<html><head></head><body><p>x</p></body></html>"));
  EXPECT_TRUE(Accepted("<html><head></head><body><p>x</p></body>"));  // </html> may be left out
  for (const char* html :
       {"<p>x</p>", "<html><body><p>x</p></body></html>", "<html><head></head><p>x</p></html>",
        "<html><head><p>x</p></head><body></body></html>",
        "<html><head></head><body><p>x</p></body><p>y</p></html>",
        "x<html><head></head><body></body></html>", "<html><head></head><body><p>x</p>"}) {
    EXPECT_FALSE(Accepted(html)) << html;
    ExpectSameAsGumbo(html, html);
  }
}

// Every prefix of a well-formed page: cut anywhere, it must still read as gumbo reads it.
TEST(HtmlTreeTest, TruncatedPagesReadAsGumboReadsThem) {
  std::string html = Page(kAcceptedBodies[1]);
  for (size_t n = 0; n <= html.size(); n += 7) {
    std::string cut = html.substr(0, n);
    ExpectSameAsGumbo(cut, "first " + std::to_string(n) + " bytes");
  }
}

TEST(HtmlTreeTest, FixturesReadAsGumboReadsThem) {
  const char* dir = std::getenv("GONGKAI_SOURCE_DIR");
  fs::path root = fs::path(dir ? dir : ".") / "tests" / "fixtures" / "reports" / "html";
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path().extension() != ".html") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ExpectSameAsGumbo(ss.str(), entry.path().filename().string());
    ++files;
  }
  EXPECT_GT(files, 5u);
}

}  // namespace
}  // namespace gongkai::io
