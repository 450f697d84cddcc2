#include "render/letter.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "render/docx_package.h"
#include "render/markup.h"
#include "render/pdf_canvas.h"

namespace gongkai::render {

namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";

// Trims ASCII whitespace and U+3000 (clerks indent with it; the styles indent instead).
std::string_view Trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return s;
}

std::string StripMarks(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != kDataStart && c != kDataLine) out += c;
  }
  return std::string(Trim(out));
}

// Width in half ems: ASCII half an em, everything else (CJK) a whole one.
int HalfEms(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) {
    if (c < 0x80) {
      n += 1;
    } else if ((c & 0xC0) != 0x80) {
      n += 2;
    }
  }
  return n;
}

// ---- DOCX ----

constexpr int kHalfEmTwips = 160;  // 仿宋 三号 (16 pt): an em is 320 twips
constexpr int kLabelTwips = 2500;  // the table's label column

using docx::Para;
using docx::ParaStyle;

std::string LetterStyles() {
  std::string s = docx::StylesHead() + docx::TitleStyle();
  s += ParaStyle("FileNumber", "File Number", "<w:spacing w:after=\"280\"/><w:jc w:val=\"right\"/>",
                 "");
  s += ParaStyle("Addressee", "Salutation", "<w:keepNext/><w:jc w:val=\"left\"/>", "");
  s += ParaStyle("BodyText", "Body Text", "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
                 "");
  s += ParaStyle("LetterCell", "Table Text",
                 "<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"400\" "
                 "w:lineRule=\"atLeast\"/><w:ind w:firstLine=\"0\"/>",
                 "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>");
  s += ParaStyle("AfterTable", "After Table", "<w:spacing w:line=\"280\" w:lineRule=\"exact\"/>",
                 "");
  s +=
      ParaStyle("Signature", "Signature", "<w:keepNext/><w:keepLines/><w:jc w:val=\"right\"/>", "");
  s += docx::FooterStyle();
  s += docx::BorderedTableStyle("LetterTable", "Letter Table");
  return s + "</w:styles>";
}

std::string CellXml(const std::string& text, int width, const char* jc) {
  std::string tc = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) +
                   "\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>";
  std::string ppr = std::string("<w:jc w:val=\"") + jc + "\"/>";
  size_t start = 0;
  do {  // one paragraph per line of the value
    size_t nl = text.find('\n', start);
    tc += Para("LetterCell", text.substr(start, nl == std::string::npos ? nl : nl - start), ppr);
    start = nl == std::string::npos ? nl : nl + 1;
  } while (start != std::string::npos);
  return tc + "</w:tc>";
}

std::string TableXml(const std::vector<LetterRow>& rows) {
  const int value_width = docx::kTextWidthTwips - kLabelTwips;
  std::string x = "<w:tbl><w:tblPr><w:tblStyle w:val=\"LetterTable\"/><w:tblW w:w=\"" +
                  std::to_string(docx::kTextWidthTwips) +
                  "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/>"
                  "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"" +
                  std::to_string(kLabelTwips) + "\"/><w:gridCol w:w=\"" +
                  std::to_string(value_width) + "\"/></w:tblGrid>";
  for (const LetterRow& r : rows) {
    x += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + CellXml(r.label, kLabelTwips, "center") +
         CellXml(r.value, value_width, "left") + "</w:tr>";
  }
  return x + "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>";
}

// A right-aligned line whose right end is `half_ems` from the right margin.
std::string SignatureLine(const std::string& text, int half_ems) {
  return Para("Signature", text,
              "<w:ind w:right=\"" + std::to_string(std::max(0, half_ems) * kHalfEmTwips) + "\"/>");
}

std::string LetterDocumentXml(const Letter& l) {
  std::string b = Para("Title", l.title);
  if (!l.number.empty()) b += Para("FileNumber", l.number);
  if (!l.addressee.empty()) b += Para("Addressee", l.addressee);
  for (const auto& p : l.body) b += Para("BodyText", p);
  if (!l.table.empty()) b += TableXml(l.table);
  for (size_t i = 0; i < l.closing.size(); ++i) {
    // The last closing line stays on the page of the signature.
    b += Para("BodyText", l.closing[i], i + 1 == l.closing.size() ? "<w:keepNext/>" : "");
  }
  // GB/T 9704: the date four characters from the right, the issuer centred over it.
  const int date_right = 8, date_width = HalfEms(l.date);
  auto centred_over_date = [&](const std::string& text) {
    return date_right + (date_width - HalfEms(text)) / 2;
  };
  // A line between the text and the signature, which the seal's place fills when there is one.
  if (l.seal.empty()) {
    b += "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/></w:pPr></w:p>";
  } else {
    b += SignatureLine(l.seal, centred_over_date(l.seal));
  }
  if (!l.issuer.empty()) b += SignatureLine(l.issuer, centred_over_date(l.issuer));
  if (!l.date.empty()) b += SignatureLine(l.date, date_right);
  return std::string(docx::kXmlDecl) + "<w:document " + docx::kNs + "><w:body>" + b +
         docx::SectionXml(false) + "</w:body></w:document>";
}

// ---- PDF ----

constexpr char kCellFont[] = "FangSong_GB2312,FangSong,Noto Serif CJK SC 14";
constexpr double kEm = 16;  // 仿宋 三号

void DrawTable(pdf::Canvas& canvas, const std::vector<LetterRow>& rows,
               const pdf::TextStyle& body) {
  const double label_width = pdf::kTextWidth * 0.28, value_width = pdf::kTextWidth - label_width;
  const double pad_x = 6, pad_y = 5, min_height = 28;
  canvas.set_y(canvas.y() + 6);
  for (const LetterRow& r : rows) {
    double h = std::max({canvas.TextHeight(r.label, kCellFont, label_width - 2 * pad_x),
                         canvas.TextHeight(r.value, kCellFont, value_width - 2 * pad_x)}) +
               2 * pad_y;
    h = std::max(h, min_height);
    if (h > pdf::kBottom - pdf::kMarginTop) {
      // Taller than a page: printed as text, so that nothing is cut off.
      canvas.Paragraph(r.label + "：", body);
      canvas.Paragraph(r.value, body);
      continue;
    }
    if (h > canvas.Remaining() && !canvas.AtPageTop()) canvas.NewPage();
    const double top = canvas.y();
    canvas.Rect(pdf::kMarginLeft, top, label_width, h);
    canvas.Rect(pdf::kMarginLeft + label_width, top, value_width, h);
    canvas.BoxText(r.label, kCellFont, pdf::kMarginLeft + pad_x, top, label_width - 2 * pad_x, h,
                   PANGO_ALIGN_CENTER);
    canvas.BoxText(r.value, kCellFont, pdf::kMarginLeft + label_width + pad_x, top,
                   value_width - 2 * pad_x, h, PANGO_ALIGN_LEFT);
    canvas.set_y(top + h);
  }
  canvas.set_y(canvas.y() + 8);
}

// The pitch of the signature's lines in `space`: the body's when they fit, a tighter one down to
// kMinSignPitch, or 0 when even that does not fit.
double SignaturePitch(double space, int lines, double pitch) {
  constexpr double kMinSignPitch = 22;
  if (space >= lines * pitch) return pitch;
  if (space >= lines * kMinSignPitch) return space / lines;
  return 0;
}

// One line at x on the current line of the canvas, then the cursor moves down a line.
void LineAt(pdf::Canvas& canvas, const std::string& text, double x, double width, double pitch) {
  canvas.BoxText(text, pdf::kBodyFont, x, canvas.y(), width + 2, pitch, PANGO_ALIGN_LEFT);
  canvas.set_y(canvas.y() + pitch);
}

}  // namespace

std::string EscapeLetterData(const std::string& value) {
  std::string out(1, kDataStart);
  for (char c : value) {
    if (c == '\n') {
      out += '\n';
      out += kDataLine;
    } else if (c == '\t') {
      out += ' ';
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      out += c;
    }
  }
  return out;
}

Result<Letter> ParseLetter(const std::string& text) {
  enum class Field { kNone, kTitle, kNumber, kTo, kBody, kRow, kClose, kIssuer, kDate, kSeal };
  Letter l;
  Field last = Field::kNone;
  auto field_text = [&](Field f) -> std::string* {
    switch (f) {
      case Field::kTitle:
        return &l.title;
      case Field::kNumber:
        return &l.number;
      case Field::kTo:
        return &l.addressee;
      case Field::kIssuer:
        return &l.issuer;
      case Field::kDate:
        return &l.date;
      case Field::kSeal:
        return &l.seal;
      case Field::kNone:
      case Field::kBody:
      case Field::kRow:
      case Field::kClose:
        break;
    }
    return nullptr;
  };
  int line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = Trim(std::string_view(text).substr(start, nl - start));
    start = nl + 1;
    ++line_no;
    const bool continuation = !line.empty() && line.front() == kDataLine;
    const bool data = continuation || (!line.empty() && line.front() == kDataStart);
    if (continuation && last != Field::kNone) {
      std::string more = StripMarks(line);
      if (more.empty()) continue;
      if (last == Field::kBody) {
        l.body.push_back(more);
      } else if (last == Field::kClose) {
        l.closing.push_back(more);
      } else if (last == Field::kRow) {
        l.table.back().value += "\n" + more;
      } else {
        *field_text(last) += more;
      }
      continue;
    }
    if (data || !line.starts_with('@')) {
      std::string p = StripMarks(line);
      if (!p.empty()) {
        l.body.push_back(std::move(p));
        last = Field::kBody;
      }
      continue;
    }
    const size_t space = line.find_first_of(" \t");
    const std::string_view name =
        line.substr(1, space == std::string_view::npos ? space : space - 1);
    const std::string_view rest = space == std::string_view::npos ? "" : line.substr(space + 1);
    Field f = Field::kNone;
    if (name == "title") f = Field::kTitle;
    if (name == "number") f = Field::kNumber;
    if (name == "to") f = Field::kTo;
    if (name == "issuer") f = Field::kIssuer;
    if (name == "date") f = Field::kDate;
    if (name == "seal") f = Field::kSeal;
    if (name == "close") f = Field::kClose;
    if (name == "row") f = Field::kRow;
    if (f == Field::kClose) {
      l.closing.push_back(StripMarks(rest));
    } else if (f == Field::kRow) {
      const size_t bar = rest.find('|');
      if (bar == std::string_view::npos) {
        return InvalidArgument(
            "letter line " + std::to_string(line_no) + ": a row needs LABEL|VALUE",
            "公文模板第" + std::to_string(line_no) + "行：表格行应为“项目|内容”");
      }
      l.table.push_back({StripMarks(rest.substr(0, bar)), StripMarks(rest.substr(bar + 1))});
    } else if (f != Field::kNone) {
      *field_text(f) = StripMarks(rest);
    } else {
      return InvalidArgument(
          "letter line " + std::to_string(line_no) + ": unknown directive @" + std::string(name),
          "公文模板第" + std::to_string(line_no) + "行：无法识别的指令“@" + std::string(name) +
              "”");
    }
    last = f;
  }
  if (l.title.empty()) return InvalidArgument("the letter has no title", "公文缺少标题");
  return l;
}

Result<std::string> RenderLetterDocx(const Letter& letter) {
  return docx::WritePackage(
      docx::Package{letter.title, LetterDocumentXml(letter), LetterStyles(), std::nullopt});
}

Result<std::string> RenderLetterPdf(const Letter& l) {
  std::string out;
  {
    pdf::Canvas canvas(&out, l.title, false);
    const double pitch = 28;
    pdf::TextStyle title{pdf::kTitleFont, 36, 0, PANGO_ALIGN_CENTER, false, 0, 14};
    pdf::TextStyle number{pdf::kBodyFont, pitch, 0, PANGO_ALIGN_RIGHT, false, 0, 10};
    pdf::TextStyle addressee{pdf::kBodyFont, pitch, 0, PANGO_ALIGN_LEFT};
    pdf::TextStyle body{pdf::kBodyFont, pitch, 2 * kEm, PANGO_ALIGN_LEFT, true};

    canvas.Paragraph(l.title, title);
    if (!l.number.empty()) canvas.Paragraph(l.number, number);
    if (!l.addressee.empty()) canvas.Paragraph(l.addressee, addressee);
    for (const auto& p : l.body) canvas.Paragraph(p, body);
    if (!l.table.empty()) DrawTable(canvas, l.table, body);

    // The signature: the seal's place (or a blank line), the issuer, the date. It stays on the
    // page of the last closing line: GB/T 9704 leaves no signature alone on a page and, when the
    // space left is a little short, tightens the spacing instead (down to kMinSignPitch).
    const int sign_lines = 1 + !l.issuer.empty() + !l.date.empty();
    double sign_pitch = pitch;
    for (size_t i = 0; i < l.closing.size(); ++i) {
      if (i + 1 == l.closing.size()) {
        sign_pitch = SignaturePitch(canvas.Remaining() - canvas.Measure(l.closing[i], body),
                                    sign_lines, pitch);
        if (sign_pitch == 0 && !canvas.AtPageTop()) {
          canvas.NewPage();
          sign_pitch = pitch;
        }
      }
      canvas.Paragraph(l.closing[i], body);
    }
    if (l.closing.empty()) {
      sign_pitch = SignaturePitch(canvas.Remaining(), sign_lines, pitch);
      if (sign_pitch == 0) {
        canvas.NewPage();
        sign_pitch = pitch;
      }
    }
    if (l.seal.empty()) canvas.set_y(canvas.y() + sign_pitch);
    // The date four characters from the right margin, the issuer and the seal centred over it.
    const double right = pdf::kMarginLeft + pdf::kTextWidth;
    const double date_width = canvas.TextWidth(l.date, pdf::kBodyFont);
    const double centre = right - 4 * kEm - date_width / 2;
    for (const std::string* line : {&l.seal, &l.issuer}) {
      if (line->empty()) continue;
      const double w = canvas.TextWidth(*line, pdf::kBodyFont);
      const double x = std::max(pdf::kMarginLeft, std::min(centre - w / 2, right - w));
      LineAt(canvas, *line, x, w, sign_pitch);
    }
    if (!l.date.empty()) {
      LineAt(canvas, l.date, right - 4 * kEm - date_width, date_width, sign_pitch);
    }
    GK_RETURN_IF_ERROR(canvas.Finish());
  }
  return out;
}

}  // namespace gongkai::render
