#include "io/html_sanitize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/text.h"
#include "io/testing/sanitized_html_check.h"

namespace gongkai::io {
namespace {

using ::testing::Contains;

SanitizedHtml Sanitize(std::string_view html) {
  auto r = SanitizeHtml(html);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : SanitizedHtml{};
}

std::string Html(std::string_view html) { return Sanitize(html).html; }

// The properties every output has: safe, valid UTF-8 when the input is, and a fixed point.
void ExpectProperties(std::string_view input) {
  SanitizedHtml once = Sanitize(input);
  EXPECT_EQ(testing::UnsafeHtml(once.html), "") << "input: " << input << "\noutput: " << once.html;
  if (IsValidUtf8(input)) {
    EXPECT_TRUE(IsValidUtf8(once.html)) << "input: " << input;
  }
  SanitizedHtml twice = Sanitize(once.html);
  EXPECT_EQ(twice.html, once.html) << "input: " << input;
  EXPECT_TRUE(twice.removed.empty()) << "input: " << input << "\nremoved: " << twice.removed[0];
  auto again = SanitizeHtml(input);  // deterministic
  EXPECT_TRUE(again.ok() && again->html == once.html && again->removed == once.removed);
}

struct Case {
  std::string input;
  std::string want;
};

void ExpectCases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    ExpectProperties(c.input);
    EXPECT_EQ(Html(c.input), c.want) << "input: " << c.input;
  }
}

TEST(HtmlSanitizeTest, KeepsAllowedMarkup) {
  ExpectCases({
      {"<p>一、总体情况</p>", "<p>一、总体情况</p>\n"},
      {"<p>a<br>b</p>", "<p>a<br>b</p>\n"},
      {"<p><strong>s</strong><b>b</b><em>e</em><i>i</i><u>u</u><s>x</s>H<sub>2</sub>O "
       "m<sup>2</sup> <code>c</code></p>",
       "<p><strong>s</strong><b>b</b><em>e</em><i>i</i><u>u</u><s>x</s>H<sub>2</sub>O "
       "m<sup>2</sup> <code>c</code></p>\n"},
      {"<ul><li>一</li><li>二</li></ul><ol><li>1</li></ol>",
       "<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n<ol>\n<li>1</li>\n</ol>\n"},
      {"<h1>标题</h1><h2>a</h2><h3>b</h3><h6>c</h6>",
       "<h2>标题</h2>\n<h2>a</h2>\n<h3>b</h3>\n<h6>c</h6>\n"},
      {"<blockquote><p>引文</p></blockquote><hr>",
       "<blockquote><p>引文</p>\n</blockquote>\n<hr>\n"},
      {"<pre>  a\n    b</pre>", "<pre>  a\n    b</pre>\n"},
      {"<pre>\n\nfirst line blank</pre>", "<pre>\n\nfirst line blank</pre>\n"},
      {"<a href=\"https://www.gov.cn/zhengce/\">政策</a>",
       "<p><a href=\"https://www.gov.cn/zhengce/\" rel=\"noopener noreferrer "
       "nofollow\">政策</a></p>\n"},
      {"<a href='/files/a.pdf?x=1&amp;y=2#p3' target=_blank rel=opener>附件</a>",
       "<p><a href=\"/files/a.pdf?x=1&amp;y=2#p3\" rel=\"noopener noreferrer "
       "nofollow\">附件</a></p>\n"},
      {"<a href=\"mailto:gk@example.gov.cn\">信箱</a>",
       "<p><a href=\"mailto:gk@example.gov.cn\" rel=\"noopener noreferrer "
       "nofollow\">信箱</a></p>\n"},
      {"<a href=\"  HTTPS://example.org/\">x</a>",
       "<p><a href=\"HTTPS://example.org/\" rel=\"noopener noreferrer nofollow\">x</a></p>\n"},
      {"<img src=\"/img/a.png\" alt='图 \"1\"' width=\"640\" height=480 class=x>",
       "<p><img src=\"/img/a.png\" alt=\"图 &quot;1&quot;\" width=\"640\" height=\"480\"></p>\n"},
      {"<img src=a.png width=50% height=-1>", "<p><img src=\"a.png\"></p>\n"},
      {"<p>a &amp; b &lt; c &gt; d \" ' &nbsp;e</p>",
       "<p>a &amp; b &lt; c &gt; d &quot; &#39; \xC2\xA0"
       "e</p>\n"},
  });
}

TEST(HtmlSanitizeTest, UnwrapsOtherElementsAndDropsDangerousOnes) {
  ExpectCases({
      {"<div><span style=\"color:red\">红</span><font face=宋体>字</font></div>", "<p>红字</p>\n"},
      {"<p>a<script>alert(1)</script>b</p>", "<p>ab</p>\n"},
      {"<style>p{}</style><p>x</p>", "<p>x</p>\n"},
      {"<p>x<iframe src=//evil></iframe><object data=x>o</object><embed src=x></p>", "<p>x</p>\n"},
      {"<form action=/x><p>in form</p><input name=a><button>b</button></form><p>after</p>",
       "<p>after</p>\n"},
      {"<select><option>1</select><textarea>t</textarea>", ""},
      {"<p>x</p><template><p>t</p></template><noscript><p>n</p></noscript>ok",
       "<p>x</p>\n<p>ok</p>\n"},
      {"<svg><text>s</text></svg><math><mi>m</mi></math>ok", "<p>ok</p>\n"},
      {"<html><head><title>标题</title><meta charset=utf-8><link rel=stylesheet href=x>"
       "<base href=//evil/></head><body><p>正文</p></body></html>",
       "<p>正文</p>\n"},
      {"<!DOCTYPE html><!-- 注释 --><p>x<!--y--></p>", "<p>x</p>\n"},
      {"<section><article><p>a</p></article></section>", "<p>a</p>\n"},
      {"<center>中</center><marquee>跑</marquee>", "<p>中跑</p>\n"},
      {"<a name=anchor1>锚</a>", "<p>锚</p>\n"},
      {"<a href=\"\">empty</a>", "<p>empty</p>\n"},
      {"<p><b></b><i> </i>x</p>", "<p><i> </i>x</p>\n"},
  });
  SanitizedHtml r = Sanitize(
      "<div onclick=\"x()\" class=c><script>1</script><span>t</span><a href=javascript:x>j</a>"
      "<!--c--><style>s</style></div>");
  EXPECT_EQ(r.html, "<p>tj</p>\n");
  EXPECT_EQ(r.removed, (std::vector<std::string>{"div tag", "onclick attribute", "class attribute",
                                                 "script element", "span tag", "javascript: link",
                                                 "comment", "style element"}));
}

TEST(HtmlSanitizeTest, XssFilterEvasionClassics) {
  // After the OWASP XSS filter evasion cheat sheet.
  const std::vector<std::string> attacks = {
      "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
      "<script>alert('XSS')</script>",
      "<ScRiPt>alert(1)</sCrIpT>",
      "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
      "<SCRIPT/SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
      "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
      "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
      "<SCRIPT SRC=//xss.rocks/.j>",
      "<scr<script>ipt>alert(1)</scr</script>ipt>",
      "<script\x20type=\"text/javascript\">javascript:alert(1);</script>",
      "<script\x0Dtype=text/javascript>alert(1)</script>",
      "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
      "<IMG SRC=\"javascript:alert('XSS');\">",
      "<IMG SRC=javascript:alert('XSS')>",
      "<IMG SRC=JaVaScRiPt:alert('XSS')>",
      "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
      "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
      "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
      "<IMG SRC=# onmouseover=\"alert('xxs')\">",
      "<IMG SRC= onmouseover=\"alert('xxs')\">",
      "<IMG onmouseover=\"alert('xxs')\">",
      "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
      "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114"
      "&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116"
      "&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
      "<img src=x onerror=alert(1)//",
      "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;"
      "&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
      "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
      "&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040"
      "&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
      "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65"
      "&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
      "<IMG SRC=\"jav\tascript:alert('XSS');\">",
      "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
      "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
      "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
      "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
      "<IMG SRC=\"java\0script:alert('XSS');\">",
      "<IMG DYNSRC=\"javascript:alert('XSS')\">",
      "<IMG LOWSRC=\"javascript:alert('XSS')\">",
      "<IMG SRC='vbscript:msgbox(\"XSS\")'>",
      "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"java&#x0A;script:alert(1)\">x</a>",
      "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
      "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
      "<a href=\"  \x01javascript:alert(1)\">x</a>",
      "<a href=\"vbscript:msgbox(1)\">x</a>",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
      "<a href=\"javascript&#58;alert(1)\">x</a>",
      "<a href=\"java\xC2\xA0script:alert(1)\">x</a>",
      "<a href=# onclick=\"alert(1)\">x</a>",
      "<a href=\"http://a/\" onmouseover=alert(1) style=\"x:expression(alert(1))\">x</a>",
      "<svg onload=alert(1)>",
      "<svg/onload=alert('XSS')>",
      "<svg><script>alert(1)</script></svg>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<BODY ONLOAD=alert('XSS')>",
      "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
      "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
      "<BGSOUND SRC=\"javascript:alert('XSS');\">",
      "<BR SIZE=\"&{alert('XSS')}\">",
      "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
      "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
      "<META HTTP-EQUIV=\"Link\" Content=\"<http://xss.rocks/xss.css>; REL=stylesheet\">",
      "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}</STYLE>",
      "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
      "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
      "<DIV STYLE=\"width: expression(alert('XSS'));\">",
      "<p style=\"xss:expr/*XSS*/ession(alert('XSS'))\">x</p>",
      "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
      "<XSS STYLE=\"behavior: url(xss.htc);\">",
      "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
      "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
      "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
      "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert('XSS')\">",
      "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
      "<EMBED SRC=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\">",
      "<BASE HREF=\"javascript:alert('XSS');//\">",
      "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
      "<HEAD><META HTTP-EQUIV=\"CONTENT-TYPE\" CONTENT=\"text/html; charset=UTF-7\"> </HEAD>"
      "+ADw-SCRIPT+AD4-alert('XSS');+ADw-/SCRIPT+AD4-",
      "<SCRIPT a=\">\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
      "<SCRIPT =\">\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
      "<SCRIPT \"a='>'\" SRC=\"httx://xss.rocks/xss.js\"></SCRIPT>",
      "<DIV onmouseover=alert(1)>x</DIV>",
      "<details open ontoggle=alert(1)>",
      "<video><source onerror=\"alert(1)\">",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
      "<textarea><script>alert(1)</script></textarea>",
      "<title><script>alert(1)</script></title>",
      "<xmp><script>alert(1)</script></xmp>",
      "<plaintext><script>alert(1)</script>",
      "<noembed><script>alert(1)</script></noembed>",
      "<a href=\"http://a/\"><a href=\"javascript:alert(1)\">nested</a></a>",
      "<form><button formaction=javascript:alert(1)>x</button></form>",
      "<isindex type=image src=1 onerror=alert(1)>",
      "<p>unclosed <b>bold <i>italic <a href=/x>link",
      "<table><tr><td>1<td>2</table><script>",
      "<img src=\"x` `<script>alert(1)</script>\"` `>",
      "<a href=\"\x0Bjavascript:alert(1)\">x</a>",
      "<a href=\"ja\x00vascript:alert(1)\">x</a>",
  };
  for (const std::string& a : attacks) {
    ExpectProperties(a);
    SanitizedHtml r = Sanitize(a);
    EXPECT_EQ(testing::UnsafeHtml(r.html), "") << "input: " << a << "\noutput: " << r.html;
    std::string lower = r.html;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(lower.find(" on"), std::string::npos) << a << " -> " << r.html;
    EXPECT_EQ(lower.find("javascript:"), std::string::npos) << a << " -> " << r.html;
    EXPECT_EQ(lower.find("expression("), std::string::npos) << a << " -> " << r.html;
  }
  // What survives and what the clerk is told.
  SanitizedHtml r = Sanitize("<img src=x onerror=alert(1)>");
  EXPECT_EQ(r.html, "<p><img src=\"x\"></p>\n");
  EXPECT_EQ(r.removed, std::vector<std::string>{"onerror attribute"});
  r = Sanitize("<a href=\"java&#x0A;script:alert(1)\">点击</a>");
  EXPECT_EQ(r.html, "<p>点击</p>\n");
  EXPECT_EQ(r.removed, std::vector<std::string>{"javascript: link"});
  r = Sanitize(
      "<a href=\"jav&#x09;ascript:alert(1)\">x</a><img src=\"vbscript:x\">"
      "<img src=\"data:image/png;base64,AAAA\"><img src='file:///C:/a.png'>");
  EXPECT_EQ(r.html, "<p>x</p>\n");
  EXPECT_EQ(r.removed, (std::vector<std::string>{"javascript: link", "vbscript: image",
                                                 "data: image", "file: image"}));
  r = Sanitize("<svg onload=alert(1)><circle/></svg>文");
  EXPECT_EQ(r.html, "<p>文</p>\n");
  EXPECT_EQ(r.removed, std::vector<std::string>{"svg element"});
  EXPECT_EQ(Html("<scr<script>ipt>alert(1)</scr</script>ipt>"), "<p>ipt&gt;alert(1)ipt&gt;</p>\n");
  EXPECT_EQ(Html("<p style=\"width: expression(alert(1))\">宽</p>"), "<p>宽</p>\n");
  EXPECT_EQ(Html("<textarea><script>alert(1)</script></textarea>"), "");
  EXPECT_EQ(Html("<xmp><script>alert(1)</script></xmp>"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
}

TEST(HtmlSanitizeTest, WordPastedHtml) {
  const std::string word = R"(<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:"Times New Roman";} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
</head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<h1 style='mso-margin-top-alt:auto'><span style='font-family:黑体'>关于做好2024年政务公开工作的通知<o:p></o:p></span></h1>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span
style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>各乡（镇）人民政府：<span
lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><b>加强</b>政策解读。</p>
<xml><o:shapedefaults v:ext="edit" spidmax="1026"/></xml>
<p class=MsoNormal><v:shape id="_x0000_i1025" type="#_x0000_t75"><v:imagedata src="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape></p>
<p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312'>磁钟乡人民政府</span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div></body></html>)";
  ExpectProperties(word);
  SanitizedHtml r = Sanitize(word);
  EXPECT_EQ(r.html,
            "<h2>关于做好2024年政务公开工作的通知</h2>\n"
            "<p>各乡（镇）人民政府：</p>\n"
            "<p><br></p>\n"
            "<p>1.\xC2\xA0\xC2\xA0\xC2\xA0 <b>加强</b>政策解读。</p>\n"
            "<p><br></p>\n"
            "<p>磁钟乡人民政府</p>\n");
  for (const char* note :
       {"meta element", "style element", "comment", "lang attribute", "style attribute", "div tag",
        "class attribute", "span tag", "o:p tag", "xml tag", "align attribute"})
    EXPECT_THAT(r.removed, Contains(note));
  for (const std::string& note : r.removed) EXPECT_EQ(note.find('<'), std::string::npos) << note;
}

TEST(HtmlSanitizeTest, TablesWithSpans) {
  ExpectCases({
      {"<table border=1 style=\"x\"><caption>表一</caption><tr><th colspan=\"2\" "
       "rowspan=3>申请人</th><td colspan=0>a</td><td rowspan=101>b</td><td colspan=\" 7 \" "
       "rowspan=\"2x\" width=10>c</td></tr></table>",
       "<table>\n<caption>表一</caption>\n<tbody>\n<tr>\n<th colspan=\"2\" "
       "rowspan=\"3\">申请人</th><td>a</td><td>b</td><td colspan=\"7\">c</td></tr>\n</tbody>\n"
       "</table>\n"},
      {"<table><thead><tr><th>项目</th></tr></thead><tbody><tr><td><p class=MsoNormal>1</p>"
       "<p>2</p></td></tr></tbody><tfoot><tr><td>合计</td></tr></tfoot></table>",
       "<table>\n<thead>\n<tr>\n<th>项目</th></tr>\n</thead>\n<tbody>\n<tr>\n<td><p>1</p>\n"
       "<p>2</p>\n</td></tr>\n</tbody>\n<tfoot>\n<tr>\n<td>合计</td></tr>\n</tfoot>\n</table>\n"},
      // Stray table parts outside a table keep their text.
      {"<td>a</td><tr><th>b</th></tr><caption>c</caption>", "<p>abc</p>\n"},
      // Text the parser moves out of a table stays, before it.
      {"<table><tr>前<td>格</td></tr></table>",
       "<p>前</p>\n<table>\n<tbody>\n<tr>\n<td>格</td></tr>\n</tbody>\n</table>\n"},
      // A nested table in a cell.
      {"<table><tr><td><table><tr><td>内</td></tr></table></td></tr></table>",
       "<table>\n<tbody>\n<tr>\n<td><table>\n<tbody>\n<tr>\n<td>内</td></tr>\n</tbody>\n"
       "</table>\n</td></tr>\n</tbody>\n</table>\n"},
  });
  SanitizedHtml r = Sanitize("<table><tr><td colspan=0 onclick=x>a</td></tr></table>");
  EXPECT_EQ(r.removed, (std::vector<std::string>{"colspan attribute", "onclick attribute"}));
}

TEST(HtmlSanitizeTest, OutputReadsBackAsTheSameTree) {
  ExpectCases({
      // A block the parser lets into a paragraph (a table in quirks mode, or through an element
      // that is unwrapped) would end the paragraph when read back: the paragraph goes instead.
      {"<p>前<table><tr><td>x</td></tr></table>后</p>",
       "<p>前</p>\n<table>\n<tbody>\n<tr>\n<td>x</td></tr>\n</tbody>\n</table>\n<p>后</p>\n"},
      {"<p>a<marquee><p>b</p></marquee></p>", "<p>a</p>\n<p>b</p>\n"},
      {"<h1><div><h2>x</h2></div></h1>", "<h2>x</h2>\n"},
      {"<b><p>一</p><p>二</p></b>", "<b><p>一</p>\n<p>二</p>\n</b>"},
      // li only in a list; no link inside a link.
      {"<li>a</li><ul><span><li>b</li></span></ul>", "<p>a</p>\n<ul>\n<li>b</li>\n</ul>\n"},
      {"<a href=/a>1<div><a href=/b>2</a></div></a>",
       "<p><a href=\"/a\" rel=\"noopener noreferrer nofollow\">1</a><a href=\"/b\" rel=\"noopener "
       "noreferrer nofollow\">2</a></p>\n"},
      // Unclosed and misnested formatting, as the parser repairs it.
      {"<b>1<i>2</b>3</i>", "<p><b>1<i>2</i></b><i>3</i></p>\n"},
      {"<p>unclosed <b>bold", "<p>unclosed <b>bold</b></p>\n"},
      {"<p>a<p>b", "<p>a</p>\n<p>b</p>\n"},
      // Whitespace at block boundaries goes; inside a line it stays.
      {"  \n<p> a </p>\n\n<p>b</p>  x  ", "<p> a </p>\n<p>b</p>\n<p>x</p>\n"},
      {"<li> x <b> y </b> </li>", "<p>x <b> y </b></p>\n"},
      {"<ul> <li> x </li> </ul>", "<ul>\n<li>x</li>\n</ul>\n"},
  });
}

TEST(HtmlSanitizeTest, CollapsesRunsOfEmptyParagraphs) {
  ExpectCases({
      {"<p>a</p><p></p><p>&nbsp;</p><p><br></p><p>\xE3\x80\x80</p><p>b</p>",
       "<p>a</p>\n<p><br></p>\n<p>b</p>\n"},
      {"<p>&nbsp;</p><p>a</p><p> </p>", "<p>a</p>\n"},
      // Control characters and noncharacters (which references can produce) are left out.
      {"<p>&#3;</p><p>a&#x7f;b&#xFDD0;c&#x81;d\x01</p><img src=\"/a&#3;b.png\" alt=\"&#xFFFE;\">",
       "<p>abcd\xEF\xBF\xBD</p>\n<p><img src=\"/ab.png\" alt=\"\"></p>\n"},
      {"<td><p>&nbsp;</p></td>", ""},
      {"<p>\xE3\x80\x80\xE3\x80\x80首行缩进</p>", "<p>\xE3\x80\x80\xE3\x80\x80首行缩进</p>\n"},
      {"<p><img src=a.png></p>", "<p><img src=\"a.png\"></p>\n"},
  });
}

TEST(HtmlSanitizeTest, PlainTextBecomesParagraphs) {
  ExpectCases({
      {"第一段第一行\n第一段第二行\n\n第二段 a < b & c > d\r\n\r\n\r\n第三段  \n",
       "<p>第一段第一行<br>第一段第二行</p>\n<p>第二段 a &lt; b &amp; c &gt; "
       "d</p>\n<p>第三段</p>\n"},
      {"AT&amp;T 3<5", "<p>AT&amp;amp;T 3&lt;5</p>\n"},
      {"\xE3\x80\x80\xE3\x80\x80缩进保留", "<p>\xE3\x80\x80\xE3\x80\x80缩进保留</p>\n"},
      {"", ""},
      {" \n \n", ""},
  });
}

TEST(HtmlSanitizeTest, ChineseTextByteForByte) {
  const std::string text =
      "根据《中华人民共和国政府信息公开条例》第二十条，现将本机关2023年度政府信息公开工作情况报告如"
      "下"
      "：全角标点，。；：“”‘’（）【】—…·、繁體字、𠀀𪚥（扩展区字）、①②③、"
      "\xE3\x80\x80（全角空格）、\xEF\xBC\x85。";
  ExpectProperties("<p>" + text + "</p>");
  EXPECT_EQ(Html("<p>" + text + "</p>"), "<p>" + text + "</p>\n");
  EXPECT_EQ(Html(text), "<p>" + text + "</p>\n");
  EXPECT_EQ(Html("<p lang=zh-CN><span style='font-family:仿宋'>" + text + "</span></p>"),
            "<p>" + text + "</p>\n");
}

TEST(HtmlSanitizeTest, OutputIsValidUtf8EvenWhenTheInputIsNot) {
  // Gumbo decodes an overflowing reference into bytes that are not UTF-8.
  for (std::string input : {"<p>&#x6BBBBBBBBBBBBBBBBBBBBBBBBC;</p>",
                            "<img src=\"/&#x6BBBBBBBBBBBBBBBBBBBBBBBBC;\" alt=\"&#99999999999;\">",
                            "<p>a\xFF\xFE"
                            "b\xE4\xB8</p>",
                            "plain \xC0\x80 text"}) {
    SanitizedHtml r = Sanitize(input);
    EXPECT_TRUE(IsValidUtf8(r.html)) << input;
    EXPECT_EQ(Html(r.html), r.html) << input;
  }
}

TEST(HtmlSanitizeTest, LimitsSizeAndDepth) {
  auto big = SanitizeHtml(std::string(kMaxRichTextBytes + 1, 'a'));
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(big.status().message().find("2 MB"), std::string::npos);
  EXPECT_NE(big.status().ui_message().find("正文超过2MB"), std::string::npos);
  EXPECT_TRUE(SanitizeHtml(std::string(kMaxRichTextBytes, 'a')).ok());

  // Deep markup is flattened below 200 levels, its text kept.
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<blockquote><b>";
  deep += "深";
  SanitizedHtml r = Sanitize(deep);
  EXPECT_NE(r.html.find("深"), std::string::npos);
  EXPECT_THAT(r.removed, Contains("markup nested deeper than 200 levels"));
  size_t depth = 0, max_depth = 0;
  for (size_t i = 0; i + 1 < r.html.size(); ++i) {
    if (r.html[i] != '<') continue;
    if (r.html[i + 1] == '/') {
      --depth;
    } else if (r.html.compare(i, 4, "<br>") != 0) {
      max_depth = std::max(max_depth, ++depth);
    }
  }
  EXPECT_LE(max_depth, 200u);
  EXPECT_GE(max_depth, 190u);
  ExpectProperties(deep);
}

// Hostile markup up to the size limit finishes within the parser's budget: sanitised, or refused
// as too complex.
TEST(HtmlSanitizeTest, HostileMarkupFinishes) {
  const std::vector<std::pair<std::string, size_t>> cases = {{"<table><tr><td>", kMaxRichTextBytes},
                                                             {"<b><p>", 100000},
                                                             {"<blockquote><b>", 100000},
                                                             {"<a href=/x><div>", 100000}};
  for (const auto& [unit, size] : cases) {
    std::string hostile;
    while (hostile.size() + unit.size() <= size) hostile += unit;
    auto r = SanitizeHtml(hostile);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << unit;
    } else {
      EXPECT_EQ(testing::UnsafeHtml(r->html), "") << unit;
    }
  }
}

// Random soup of tags, attributes, entities and text, for the properties below.
std::string RandomMarkup(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"<p>",
                                                  "</p>",
                                                  "<b>",
                                                  "</b>",
                                                  "<i>",
                                                  "</i>",
                                                  "<a href=/x>",
                                                  "<a href=javascript:x>",
                                                  "</a>",
                                                  "<table>",
                                                  "</table>",
                                                  "<tr>",
                                                  "<td>",
                                                  "</td>",
                                                  "<th colspan=2>",
                                                  "<caption>",
                                                  "<ul>",
                                                  "</ul>",
                                                  "<ol>",
                                                  "<li>",
                                                  "</li>",
                                                  "<h1>",
                                                  "</h1>",
                                                  "<h3>",
                                                  "<pre>",
                                                  "</pre>",
                                                  "\n",
                                                  "<blockquote>",
                                                  "</blockquote>",
                                                  "<div>",
                                                  "</div>",
                                                  "<span style=x>",
                                                  "</span>",
                                                  "<marquee>",
                                                  "</marquee>",
                                                  "<br>",
                                                  "<hr>",
                                                  "<img src=a.png alt=x>",
                                                  "<script>",
                                                  "</script>",
                                                  "<!--c-->",
                                                  "<o:p>",
                                                  "</o:p>",
                                                  "&nbsp;",
                                                  "&amp;",
                                                  "&#13;",
                                                  " ",
                                                  "  ",
                                                  "\t",
                                                  "文字",
                                                  "x",
                                                  "<code>",
                                                  "</code>",
                                                  "<sub>",
                                                  "<strong>",
                                                  "<em>",
                                                  "</em>",
                                                  "<u>",
                                                  "<s>",
                                                  "<tbody>",
                                                  "<thead>",
                                                  "<tfoot>",
                                                  "<select>",
                                                  "<svg>",
                                                  "</svg>",
                                                  "<math>",
                                                  "<textarea>",
                                                  "<button>",
                                                  "<form>",
                                                  "</form>",
                                                  "<xmp>",
                                                  "<plaintext>",
                                                  "<listing>",
                                                  "<applet>",
                                                  "</applet>",
                                                  "<object>",
                                                  "</object>",
                                                  "<template>",
                                                  "</template>",
                                                  "<frameset>",
                                                  "<nobr>",
                                                  "<font>",
                                                  "</font>",
                                                  "<dd>",
                                                  "<dt>",
                                                  "<dl>",
                                                  "\xE3\x80\x80",
                                                  "'",
                                                  "\"",
                                                  "<",
                                                  ">",
                                                  "&"};
  std::string out;
  int n = std::uniform_int_distribution<int>(1, 40)(rng);
  for (int i = 0; i < n; ++i)
    out += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(rng)];
  return out;
}

TEST(HtmlSanitizeTest, IdempotentSafeAndValidUtf8OnRandomMarkup) {
  std::mt19937 rng(20240601);
  for (int i = 0; i < 5000; ++i) {
    std::string input = RandomMarkup(rng);
    SanitizedHtml once = Sanitize(input);
    ASSERT_EQ(Html(once.html), once.html) << "input: " << input;
    ExpectProperties(input);
  }
}

}  // namespace
}  // namespace gongkai::io
