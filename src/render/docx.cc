// DOCX: a WordprocessingML package written by hand, laid out like a published official report: A4
// with GB/T 9704 margins, title in 方正小标宋, body in 仿宋 三号 at a fixed 28 pt line pitch,
// headings in 黑体, the three tables with real merged cells (gridSpan / vMerge), header rows
// repeated on each page (tblHeader), and "— N —" page numbers in the footer. Fonts a machine lacks
// fall back to SimSun-class fonts via the font table's alternate names.
#include <cmath>

#include "render/document.h"
#include "render/docx_package.h"
#include "render/formats.h"

namespace gongkai::render {

namespace {

using docx::Fonts;
using docx::kNs;
using docx::kTextWidthTwips;
using docx::kXmlDecl;
using docx::Para;
using docx::ParaStyle;

std::string CellXml(const TableLayout& t, const LayoutCell& c, bool continuation, int width) {
  std::string tc = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (c.col_span > 1) tc += "<w:gridSpan w:val=\"" + std::to_string(c.col_span) + "\"/>";
  if (c.row_span > 1) tc += continuation ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>";
  tc += "<w:vAlign w:val=\"center\"/></w:tcPr>";
  if (continuation) return tc + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>";
  bool block_title = c.kind == CellKind::kHeader && c.col_span == t.cols && t.header_rows == 0;
  bool left = (c.kind == CellKind::kLabel && c.row_span == 1) || block_title;
  std::string ppr = left ? "<w:jc w:val=\"left\"/>" : "<w:jc w:val=\"center\"/>";
  std::string rpr;
  if (block_title || (c.kind == CellKind::kHeader && t.header_rows > 0)) rpr = "<w:b/>";
  if (c.kind == CellKind::kNote) rpr = "<w:sz w:val=\"18\"/>";
  return tc + Para("TableText", c.text, ppr, rpr) + "</w:tc>";
}

std::string TableXml(const TableLayout& t) {
  std::vector<int> widths;
  for (double w : t.col_weights)
    widths.push_back(static_cast<int>(std::lround(w * kTextWidthTwips)));
  std::string x = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"" +
                  std::to_string(kTextWidthTwips) +
                  "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout "
                  "w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/>"
                  "</w:tblPr><w:tblGrid>";
  for (int w : widths) x += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  x += "</w:tblGrid>";
  auto grid = t.Grid();
  for (int r = 0; r < t.rows; ++r) {
    x += "<w:tr><w:trPr><w:cantSplit/>";
    if (r < t.header_rows) x += "<w:tblHeader/>";
    x += "</w:trPr>";
    for (int c = 0; c < t.cols;) {
      const LayoutCell* cell = grid[static_cast<size_t>(r) * t.cols + c];
      if (cell == nullptr) {  // not in a well-formed layout; keep the grid rectangular anyway
        x += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) +
             "\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>";
        ++c;
        continue;
      }
      int width = 0;
      for (int k = 0; k < cell->col_span; ++k) width += widths[cell->col + k];
      x += CellXml(t, *cell, cell->row != r, width);
      c = cell->col + cell->col_span;
    }
    x += "</w:tr>";
  }
  return x + "</w:tbl>";
}

std::string DocumentXml(const DocumentModel& m) {
  std::string b;
  if (m.draft) {
    b += Para("Meta", std::string(kDraftMark) + "（未发布）", "",
              "<w:b/><w:color w:val=\"C00000\"/><w:sz w:val=\"28\"/>");
  }
  b += Para("Title", m.title);
  if (!m.version_line.empty()) b += Para("Meta", m.version_line);
  if (!m.summary_line.empty()) b += Para("Meta", m.summary_line);
  if (!m.corrections.empty()) {
    b += Para("Heading1", kCorrectionsHeading);
    for (const auto& c : m.corrections) b += Para("BodyText", c);
  }
  for (const auto& s : m.sections) {
    b += Para("Heading1", s.heading);
    if (s.table)
      b += TableXml(*s.table) + "<w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>";
    for (const auto& p : s.paragraphs) b += Para(p.subheading ? "Heading2" : "BodyText", p.text);
  }
  return std::string(kXmlDecl) + "<w:document " + kNs + "><w:body>" + b +
         docx::SectionXml(m.draft) + "</w:body></w:document>";
}

std::string StylesXml() {
  std::string s = docx::StylesHead();
  s += docx::TitleStyle();
  s += ParaStyle("Meta", "Report Note",
                 "<w:spacing w:after=\"120\" w:line=\"400\" w:lineRule=\"exact\"/>"
                 "<w:jc w:val=\"center\"/>",
                 Fonts("楷体_GB2312") + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>");
  s += ParaStyle("Heading1", "heading 1",
                 "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
                 "<w:outlineLvl w:val=\"1\"/>",
                 Fonts("黑体") + "<w:b/>");
  s += ParaStyle("Heading2", "heading 2",
                 "<w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
                 "<w:outlineLvl w:val=\"2\"/>",
                 Fonts("楷体_GB2312") + "<w:b/>");
  s += ParaStyle("BodyText", "Body Text", "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
                 "");
  s += ParaStyle("TableText", "Table Text",
                 "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"280\" "
                 "w:lineRule=\"atLeast\"/><w:ind w:firstLine=\"0\"/>",
                 Fonts("宋体") + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>");
  s += ParaStyle("AfterTable", "After Table", "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>",
                 "<w:sz w:val=\"16\"/>");
  s += docx::FooterStyle();
  s += ParaStyle("Header", "header",
                 "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"right\"/>",
                 Fonts("黑体") + "<w:sz w:val=\"24\"/>");
  s += docx::BorderedTableStyle("ReportTable", "Report Table");
  return s + "</w:styles>";
}

std::string HeaderXml() {
  return std::string(kXmlDecl) + "<w:hdr " + kNs + ">" +
         Para("Header", kDraftMark, "", "<w:color w:val=\"C00000\"/>") + "</w:hdr>";
}

}  // namespace

Result<std::string> RenderDocx(const ReportDocument& doc) {
  GK_ASSIGN_OR_RETURN(DocumentModel m, BuildDocument(doc));
  docx::Package p{m.title, DocumentXml(m), StylesXml(), std::nullopt};
  if (m.draft) p.header_xml = HeaderXml();
  return docx::WritePackage(p);
}

}  // namespace gongkai::render
