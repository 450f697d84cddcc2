// PDF: the report drawn with cairo and pango on A4 pages like a printed official report: title,
// notes (draft, version, corrections, summary), the six sections with narrative paragraphs wrapped
// by pango, and Tables 二/三/四 paginated by TablePainter. cairo embeds subsets of the CJK fonts
// used.
#include "render/document.h"
#include "render/formats.h"
#include "render/pdf_canvas.h"
#include "render/pdf_table.h"

namespace gongkai::render {

Result<std::string> RenderPdf(const ReportDocument& doc) {
  GK_ASSIGN_OR_RETURN(DocumentModel m, BuildDocument(doc));
  std::string out;
  {
    pdf::Canvas canvas(&out, m.title, m.draft);
    pdf::TextStyle title{pdf::kTitleFont, 36, 0, PANGO_ALIGN_CENTER, false, 0, 24};
    pdf::TextStyle note{pdf::kNoteFont, 24, 0, PANGO_ALIGN_CENTER};
    pdf::TextStyle heading{pdf::kHeadingFont, 28, 32, PANGO_ALIGN_LEFT, false, 6, 0};
    pdf::TextStyle subheading{pdf::kSubheadingFont, 28, 32};
    pdf::TextStyle body{pdf::kBodyFont, 28, 32, PANGO_ALIGN_LEFT, true};
    pdf::TextStyle draft = note;
    draft.rgb[0] = 0.75;
    draft.space_after = 8;

    if (m.draft) canvas.Paragraph(std::string(kDraftMark) + "（未发布）", draft);
    canvas.Paragraph(m.title, title);
    if (!m.version_line.empty()) canvas.Paragraph(m.version_line, note);
    if (!m.summary_line.empty()) canvas.Paragraph(m.summary_line, note);
    if (!m.corrections.empty()) {
      canvas.Paragraph(kCorrectionsHeading, heading);
      for (const auto& c : m.corrections) canvas.Paragraph(c, body);
    }
    for (const auto& s : m.sections) {
      // Keep a heading with what follows it: the table's first rows or two lines of text.
      double next = 2 * body.line_height;
      std::optional<pdf::TablePainter> table;
      if (s.table) {
        table.emplace(canvas, *s.table);
        next = table->StartHeight() + 6;
      }
      if (canvas.Remaining() < heading.space_before + heading.line_height + next) canvas.NewPage();
      canvas.Paragraph(s.heading, heading);
      if (table) {
        canvas.set_y(canvas.y() + 4);
        table->Draw();
        canvas.set_y(canvas.y() + 8);
      }
      for (const auto& p : s.paragraphs) {
        if (p.subheading && canvas.Remaining() < 3 * body.line_height) canvas.NewPage();
        canvas.Paragraph(p.text, p.subheading ? subheading : body);
      }
    }
    GK_RETURN_IF_ERROR(canvas.Finish());
  }
  return out;
}

}  // namespace gongkai::render
