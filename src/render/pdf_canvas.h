// A4 pages drawn with cairo and pango for the PDF renderer: a cursor moving down the text area, new
// pages with the footer ("— N —") and draft mark, and paragraphs broken into lines that flow across
// pages.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

#include "core/status.h"

namespace gongkai::render::pdf {

// Points (1/72 in). A4 with the GB/T 9704 margins of official documents.
inline constexpr double kPageWidth = 595.276, kPageHeight = 841.89;
inline constexpr double kMarginTop = 104.9, kMarginBottom = 99.2, kMarginLeft = 79.4,
                        kMarginRight = 73.7;
inline constexpr double kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
inline constexpr double kBottom = kPageHeight - kMarginBottom;

// Official faces first (present on government machines), then the Noto CJK fonts shipped with the
// server.
inline constexpr char kTitleFont[] = "FZXiaoBiaoSong-B05S,Noto Serif CJK SC Bold 22";
inline constexpr char kBodyFont[] = "FangSong_GB2312,FangSong,Noto Serif CJK SC 16";
inline constexpr char kHeadingFont[] = "SimHei,Noto Sans CJK SC Medium 16";
inline constexpr char kSubheadingFont[] = "KaiTi_GB2312,KaiTi,Noto Serif CJK SC Bold 16";
inline constexpr char kNoteFont[] = "KaiTi_GB2312,KaiTi,Noto Serif CJK SC 14";
inline constexpr char kTableFont[] = "SimSun,Noto Serif CJK SC 9.5";
inline constexpr char kFooterFont[] = "SimSun,Noto Serif CJK SC 14";

struct TextStyle {
  const char* font = kBodyFont;
  double line_height = 28;  // fixed line pitch, as official documents use
  double first_indent = 0;  // points; body paragraphs indent two characters
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = false;
  double space_before = 0, space_after = 0;
  double rgb[3] = {0, 0, 0};
};

class Canvas {
 public:
  Canvas(std::string* out, const std::string& title, bool draft);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double Remaining() const { return kBottom - y_; }
  bool AtPageTop() const { return y_ <= kMarginTop + 0.5; }
  void NewPage();

  // Flows a paragraph from the cursor, starting new pages as needed.
  void Paragraph(const std::string& text, const TextStyle& style);
  // Height the paragraph would take (without space before/after).
  double Measure(const std::string& text, const TextStyle& style);

  // Width of the text on one line, unwrapped.
  double TextWidth(const std::string& text, const char* font);
  // Text in a box, for table cells: wrapped to width, centred vertically in [top, top+height].
  double TextHeight(const std::string& text, const char* font, double width);
  void BoxText(const std::string& text, const char* font, double x, double top, double width,
               double height, PangoAlignment align);
  void Rect(double x, double y, double w, double h);

  // Finishes the document; the status of cairo after writing everything.
  Status Finish();

 private:
  void SetLayout(const std::string& text, const char* font, double width, PangoAlignment align,
                 bool justify, double indent);
  void Footer();

  std::string* out_;
  bool draft_;
  cairo_surface_t* surface_;
  cairo_t* cr_;
  PangoLayout* layout_;
  int page_ = 0;
  double y_ = kMarginTop;
};

}  // namespace gongkai::render::pdf
