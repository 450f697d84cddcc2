#include "render/docx_package.h"

#include <utility>
#include <vector>

#include "render/markup.h"
#include "render/zip_writer.h"

namespace gongkai::render::docx {

namespace {

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

std::string CorePropsXml(const std::string& title) {
  return std::string(kXmlDecl) +
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         EscapeMarkup(title) + "</dc:title><dc:language>zh-CN</dc:language></cp:coreProperties>";
}

std::string ContentTypesXml(bool header) {
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
  if (header)
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

std::string Run(const std::string& text, const std::string& rpr) {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + EscapeMarkup(text) + "</w:t></w:r>";
}

std::string Para(const std::string& style, const std::string& text, const std::string& ppr,
                 const std::string& rpr) {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + ppr + "</w:pPr>" + Run(text, rpr) +
         "</w:p>";
}

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

std::string StylesHead() {
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
  return s;
}

std::string TitleStyle() {
  return ParaStyle("Title", "Title",
                   "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" "
                   "w:lineRule=\"exact\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                   Fonts("方正小标宋简体") + "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>");
}

std::string FooterStyle() {
  return ParaStyle("Footer", "footer",
                   "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
                   Fonts("宋体") + "<w:sz w:val=\"28\"/>");
}

std::string BorderedTableStyle(const std::string& id, const std::string& name) {
  const std::string border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"";
  return "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"" + id + "\"><w:name w:val=\"" +
         name +
         "\"/>"
         "<w:tblPr><w:tblBorders><w:top " +
         border + "/><w:left " + border + "/><w:bottom " + border + "/><w:right " + border +
         "/><w:insideH " + border + "/><w:insideV " + border +
         "/></w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" "
         "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
}

std::string SectionXml(bool header) {
  return "<w:sectPr>" +
         std::string(header ? "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>" : "") +
         "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
         "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
         "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" "
         "w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:linePitch=\"312\"/>"
         "</w:sectPr>";
}

Result<std::string> WritePackage(const Package& p) {
  const bool header = p.header_xml.has_value();
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
      (header ? Relationship("rIdHeader", od + "header", "header1.xml") : "") + "</Relationships>";
  std::string settings =
      std::string(kXmlDecl) + "<w:settings " + kNs +
      "><w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
      "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
      "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", ContentTypesXml(header)},
      {"_rels/.rels", package_rels},
      {"word/document.xml", p.document_xml},
      {"word/_rels/document.xml.rels", document_rels},
      {"word/styles.xml", p.styles_xml},
      {"word/settings.xml", settings},
      {"word/fontTable.xml", FontTableXml()},
      {"word/footer1.xml", FooterXml()},
      {"docProps/core.xml", CorePropsXml(p.title)},
  };
  if (header) parts.push_back({"word/header1.xml", *p.header_xml});
  return WriteZip(parts);
}

}  // namespace gongkai::render::docx
