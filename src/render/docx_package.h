// The WordprocessingML pieces every DOCX we write shares: runs and paragraphs of escaped text, the
// styles' common head (仿宋 三号 at a fixed 28 pt pitch, Times New Roman for Latin text), the font
// table naming the official faces with their fallbacks, the "— N —" page-number footer, the A4
// section with GB/T 9704 margins, and the package around a document body. The annual report
// (docx.cc) and official letters (letter.cc) each add their own styles and body.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"

namespace gongkai::render::docx {

// Text width of the A4 page between the GB/T 9704 margins: 210 mm − 28 mm − 26 mm = 156 mm.
inline constexpr int kTextWidthTwips = 8845;

inline constexpr char kNs[] =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
inline constexpr char kXmlDecl[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// A run of escaped text with optional run properties (the inside of <w:rPr>).
std::string Run(const std::string& text, const std::string& rpr = "");
// A one-run paragraph in a style, with extra paragraph and run properties.
std::string Para(const std::string& style, const std::string& text, const std::string& ppr = "",
                 const std::string& rpr = "");
// Font slots: Latin text in Times New Roman, Chinese in `east_asia`.
std::string Fonts(const std::string& east_asia);
// A custom paragraph style based on Normal.
std::string ParaStyle(const std::string& id, const std::string& name, const std::string& ppr,
                      const std::string& rpr);
// The start of styles.xml up to and including the Normal style; the caller appends its styles and
// "</w:styles>".
std::string StylesHead();
// The title style (方正小标宋简体 二号, centred, a line's space after) and the page-number footer's
// style, which every document uses.
std::string TitleStyle();
std::string FooterStyle();
// A table style with single black borders everywhere and narrow cell margins.
std::string BorderedTableStyle(const std::string& id, const std::string& name);
// The section properties closing the body: A4, GB/T 9704 margins, the footer, and the header when
// `header`.
std::string SectionXml(bool header);

struct Package {
  std::string title;                      // docProps/core.xml
  std::string document_xml;               // word/document.xml
  std::string styles_xml;                 // word/styles.xml
  std::optional<std::string> header_xml;  // word/header1.xml, referenced as rIdHeader
};

// The package: content types, relationships, settings, font table, page-number footer, core
// properties and the given parts, [Content_Types].xml first.
Result<std::string> WritePackage(const Package& p);

}  // namespace gongkai::render::docx
