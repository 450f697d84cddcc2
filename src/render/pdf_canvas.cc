#include "render/pdf_canvas.h"

#include <cairo-pdf.h>

namespace gongkai::render::pdf {

namespace {

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Canvas::Canvas(std::string* out, const std::string& title, bool draft) : out_(out), draft_(draft) {
  surface_ = cairo_pdf_surface_create_for_stream(Append, out_, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "gongkai");
  cr_ = cairo_create(surface_);
  layout_ = pango_cairo_create_layout(cr_);
  // The PDF surface works in points; pango's default of 96 dpi would enlarge every font by a third.
  pango_cairo_context_set_resolution(pango_layout_get_context(layout_), 72);
  pango_layout_context_changed(layout_);
  pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  NewPage();
}

Canvas::~Canvas() {
  g_object_unref(layout_);
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

void Canvas::NewPage() {
  if (page_ > 0) {
    Footer();
    cairo_show_page(cr_);
  }
  ++page_;
  y_ = kMarginTop;
  if (!draft_) return;
  // A faint diagonal mark under the content, and a plain one in the top margin, on every page.
  cairo_save(cr_);
  cairo_set_source_rgba(cr_, 0.75, 0, 0, 0.10);
  cairo_translate(cr_, kPageWidth / 2, kPageHeight / 2);
  cairo_rotate(cr_, -0.5);
  SetLayout("草稿", "Noto Sans CJK SC Bold 110", 400, PANGO_ALIGN_CENTER, false, 0);
  cairo_move_to(cr_, -200, -80);
  pango_cairo_show_layout(cr_, layout_);
  cairo_restore(cr_);
  cairo_save(cr_);
  cairo_set_source_rgb(cr_, 0.75, 0, 0);
  SetLayout("草稿", "SimHei,Noto Sans CJK SC 12", kTextWidth, PANGO_ALIGN_RIGHT, false, 0);
  cairo_move_to(cr_, kMarginLeft, kMarginTop - 40);
  pango_cairo_show_layout(cr_, layout_);
  cairo_restore(cr_);
}

void Canvas::Footer() {
  cairo_set_source_rgb(cr_, 0, 0, 0);
  SetLayout("— " + std::to_string(page_) + " —", kFooterFont, kTextWidth, PANGO_ALIGN_CENTER, false,
            0);
  cairo_move_to(cr_, kMarginLeft, kPageHeight - 70);
  pango_cairo_show_layout(cr_, layout_);
}

void Canvas::SetLayout(const std::string& text, const char* font, double width,
                       PangoAlignment align, bool justify, double indent) {
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout_, desc);
  pango_font_description_free(desc);
  pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_alignment(layout_, align);
  pango_layout_set_justify(layout_, justify);
  pango_layout_set_indent(layout_, static_cast<int>(indent * PANGO_SCALE));
  pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
}

double Canvas::Measure(const std::string& text, const TextStyle& style) {
  SetLayout(text, style.font, kTextWidth, style.align, style.justify, style.first_indent);
  return pango_layout_get_line_count(layout_) * style.line_height;
}

void Canvas::Paragraph(const std::string& text, const TextStyle& style) {
  if (!AtPageTop()) y_ += style.space_before;
  SetLayout(text, style.font, kTextWidth, style.align, style.justify, style.first_indent);
  cairo_set_source_rgb(cr_, style.rgb[0], style.rgb[1], style.rgb[2]);
  // A page break draws the page furniture with layout_, which would pull the lines out from under
  // this iterator: iterate over a copy.
  PangoLayout* para = pango_layout_copy(layout_);
  PangoLayoutIter* it = pango_layout_get_iter(para);
  do {
    if (y_ + style.line_height > kBottom + 0.5) {
      NewPage();
      cairo_set_source_rgb(cr_, style.rgb[0], style.rgb[1], style.rgb[2]);
    }
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    double line_top = logical.y / double(PANGO_SCALE);
    double height = logical.height / double(PANGO_SCALE);
    double baseline = pango_layout_iter_get_baseline(it) / double(PANGO_SCALE) - line_top;
    // Each line centred in its fixed pitch, whatever the font's own line height.
    cairo_move_to(cr_, kMarginLeft + logical.x / double(PANGO_SCALE),
                  y_ + (style.line_height - height) / 2 + baseline);
    pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
    y_ += style.line_height;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  g_object_unref(para);
  y_ += style.space_after;
}

double Canvas::TextHeight(const std::string& text, const char* font, double width) {
  SetLayout(text, font, width, PANGO_ALIGN_LEFT, false, 0);
  int w = 0, h = 0;
  pango_layout_get_size(layout_, &w, &h);
  return h / double(PANGO_SCALE);
}

double Canvas::TextWidth(const std::string& text, const char* font) {
  SetLayout(text, font, kTextWidth, PANGO_ALIGN_LEFT, false, 0);
  pango_layout_set_width(layout_, -1);
  int w = 0, h = 0;
  pango_layout_get_size(layout_, &w, &h);
  return w / double(PANGO_SCALE);
}

void Canvas::BoxText(const std::string& text, const char* font, double x, double top, double width,
                     double height, PangoAlignment align) {
  if (text.empty()) return;
  SetLayout(text, font, width, align, false, 0);
  int w = 0, h = 0;
  pango_layout_get_size(layout_, &w, &h);
  cairo_save(cr_);
  cairo_rectangle(cr_, x - 2, top, width + 4, height);  // a cut merged cell shows only its part
  cairo_clip(cr_);
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_move_to(cr_, x, top + (height - h / double(PANGO_SCALE)) / 2);
  pango_cairo_show_layout(cr_, layout_);
  cairo_restore(cr_);
}

void Canvas::Rect(double x, double y, double w, double h) {
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_set_line_width(cr_, 0.6);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_stroke(cr_);
}

Status Canvas::Finish() {
  Footer();
  cairo_show_page(cr_);
  cairo_surface_finish(surface_);
  cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("PDF writer (cairo) failed: ") + cairo_status_to_string(status),
                    std::string("生成 PDF 文件失败：") + cairo_status_to_string(status));
  }
  return OkStatus();
}

}  // namespace gongkai::render::pdf
