// DOCX: a WordprocessingML package written by hand, laid out like a published official report: A4
// with GB/T 9704 margins, title in 方正小标宋, body in 仿宋 三号 at a fixed 28 pt line pitch,
// headings in 黑体, the three tables with real merged cells (gridSpan / vMerge), header rows
// repeated on each page (tblHeader), and "— N —" page numbers in the footer. Fonts a machine lacks
// fall back to SimSun-class fonts via the font table's alternate names.
#include <cmath>

#include "render/document.h"
#include "render/formats.h"
#include "render/markup.h"
#include "render/zip_writer.h"

namespace gongkai::render {

namespace {

constexpr int kTextWidthTwips = 8845;  // A4 210 mm − 28 mm left − 26 mm right = 156 mm

constexpr char kNs[] =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
constexpr char kXmlDecl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string Run(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + EscapeMarkup(text) + "</w:t></w:r>";
}

std::string Para(const std::string& style, const std::string& text, const std::string& ppr = "",
                 const std::string& rpr = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + ppr + "</w:pPr>" + Run(text, rpr) +
         "</w:p>";
}

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
  std::string sect =
      "<w:sectPr>" +
      std::string(m.draft ? "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>" : "") +
      "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
      "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" "
      "w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:linePitch=\"312\"/></w:sectPr>";
  return std::string(kXmlDecl) + "<w:document " + kNs + "><w:body>" + b + sect +
         "</w:body></w:document>";
}

// Font slots: Latin text in Times New Roman, Chinese in the official face.
std::string Fonts(const std::string& east_asia) {
  return "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" +
         east_asia + "\" w:cs=\"Times New Roman\"/>";
}

std::string ParaStyle(const std::string& id, const std::string& name, const std::string& ppr,
                      const std::string& rpr) {
  return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + id +
         "\"><w:name w:val=\"" + name + "\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>" +
         ppr + "</w:pPr><w:rPr>" + rpr + "</w:rPr></w:style>";
}

std::string StylesXml() {
  const std::string body_spacing =
      "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/>";
  std::string s = std::string(kXmlDecl) + "<w:styles " + kNs + ">";
  s += "<w:docDefaults><w:rPrDefault><w:rPr>" + Fonts("仿宋_GB2312") +
       "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" "
       "w:eastAsia=\"zh-CN\"/></w:rPr>"
       "</w:rPrDefault><w:pPrDefault><w:pPr>" +
       body_spacing + "</w:pPr></w:pPrDefault></w:docDefaults>";
  s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
       "w:val=\"Normal\"/>"
       "<w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>";
  s += ParaStyle("Title", "Title",
                 "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" "
                 "w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                 Fonts("方正小标宋简体") + "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>");
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
  s += ParaStyle("Footer", "footer",
                 "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
                 Fonts("宋体") + "<w:sz w:val=\"28\"/>");
  s += ParaStyle("Header", "header",
                 "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"right\"/>",
                 Fonts("黑体") + "<w:sz w:val=\"24\"/>");
  const std::string border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"";
  s += "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"ReportTable\"><w:name "
       "w:val=\"Report Table\"/>"
       "<w:tblPr><w:tblBorders><w:top " +
       border + "/><w:left " + border + "/><w:bottom " + border + "/><w:right " + border +
       "/><w:insideH " + border + "/><w:insideV " + border +
       "/></w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" "
       "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
  return s + "</w:styles>";
}

// Names of the official faces with the fonts to use where they are missing.
std::string FontTableXml() {
  struct Face {
    const char *name, *alt, *family;
  };
  const Face faces[] = {{"仿宋_GB2312", "仿宋", "modern"}, {"方正小标宋简体", "宋体", "roman"},
                        {"黑体", "SimHei", "modern"},      {"楷体_GB2312", "楷体", "modern"},
                        {"宋体", "SimSun", "auto"},        {"Times New Roman", "", "roman"}};
  std::string s = std::string(kXmlDecl) + "<w:fonts " + kNs + ">";
  for (const auto& f : faces) {
    s += std::string("<w:font w:name=\"") + f.name + "\">";
    if (*f.alt) s += std::string("<w:altName w:val=\"") + f.alt + "\"/>";
    s += std::string(*f.alt ? "<w:charset w:val=\"86\"/>" : "") + "<w:family w:val=\"" + f.family +
         "\"/><w:pitch w:val=\"variable\"/></w:font>";
  }
  return s + "</w:fonts>";
}

std::string FooterXml() {
  auto field = [](const char* kind) {
    return std::string("<w:r><w:fldChar w:fldCharType=\"") + kind + "\"/></w:r>";
  };
  return std::string(kXmlDecl) + "<w:ftr " + kNs +
         "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>" + Run("— ") + field("begin") +
         "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" + field("separate") +
         Run("1") + field("end") + Run(" —") + "</w:p></w:ftr>";
}

std::string HeaderXml() {
  return std::string(kXmlDecl) + "<w:hdr " + kNs + ">" +
         Para("Header", kDraftMark, "", "<w:color w:val=\"C00000\"/>") + "</w:hdr>";
}

std::string CorePropsXml(const DocumentModel& m) {
  return std::string(kXmlDecl) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         EscapeMarkup(m.title) + "</dc:title><dc:language>zh-CN</dc:language></cp:coreProperties>";
}

std::string ContentTypesXml(bool draft) {
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  std::string s = std::string(kXmlDecl) +
                  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  "<Default Extension=\"rels\" "
                  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                  "<Override PartName=\"/word/document.xml\" ContentType=\"" +
                  wml +
                  "document.main+xml\"/>"
                  "<Override PartName=\"/word/styles.xml\" ContentType=\"" +
                  wml +
                  "styles+xml\"/>"
                  "<Override PartName=\"/word/settings.xml\" ContentType=\"" +
                  wml +
                  "settings+xml\"/>"
                  "<Override PartName=\"/word/fontTable.xml\" ContentType=\"" +
                  wml +
                  "fontTable+xml\"/>"
                  "<Override PartName=\"/word/footer1.xml\" ContentType=\"" +
                  wml + "footer+xml\"/>";
  if (draft)
    s += "<Override PartName=\"/word/header1.xml\" ContentType=\"" + wml + "header+xml\"/>";
  return s +
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";
}

std::string Relationship(const std::string& id, const std::string& type,
                         const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
}

}  // namespace

Result<std::string> RenderDocx(const ReportDocument& doc) {
  GK_ASSIGN_OR_RETURN(DocumentModel m, BuildDocument(doc));
  const std::string rels_ns =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  const std::string od = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string package_rels =
      std::string(kXmlDecl) + rels_ns +
      Relationship("rId1", od + "officeDocument", "word/document.xml") +
      Relationship("rId2",
                   "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                   "core-properties",
                   "docProps/core.xml") +
      "</Relationships>";
  std::string document_rels =
      std::string(kXmlDecl) + rels_ns + Relationship("rIdStyles", od + "styles", "styles.xml") +
      Relationship("rIdSettings", od + "settings", "settings.xml") +
      Relationship("rIdFonts", od + "fontTable", "fontTable.xml") +
      Relationship("rIdFooter", od + "footer", "footer1.xml") +
      (m.draft ? Relationship("rIdHeader", od + "header", "header1.xml") : "") + "</Relationships>";
  std::string settings =
      std::string(kXmlDecl) + "<w:settings " + kNs +
      "><w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
      "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
      "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", ContentTypesXml(m.draft)},
      {"_rels/.rels", package_rels},
      {"word/document.xml", DocumentXml(m)},
      {"word/_rels/document.xml.rels", document_rels},
      {"word/styles.xml", StylesXml()},
      {"word/settings.xml", settings},
      {"word/fontTable.xml", FontTableXml()},
      {"word/footer1.xml", FooterXml()},
      {"docProps/core.xml", CorePropsXml(m)},
  };
  if (m.draft) parts.push_back({"word/header1.xml", HeaderXml()});
  return WriteZip(parts);
}

}  // namespace gongkai::render
