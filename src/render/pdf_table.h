// A table of the report drawn on PDF pages: row heights from the wrapped cell text, page breaks
// chosen by us (never inside a small merged group such as （三）不予公开), header rows repeated on
// every page the table continues on, and merged cells cut at a page break drawn as boxes on both
// pages.
#pragma once

#include "render/layout.h"
#include "render/pdf_canvas.h"

namespace gongkai::render::pdf {

class TablePainter {
 public:
  TablePainter(Canvas& canvas, const TableLayout& table);
  // Height of the header rows plus the first rows that must stay together: what has to fit below a
  // section heading for the heading not to be left alone at the foot of a page.
  double StartHeight() const;
  void Draw();

 private:
  size_t ChunkEnd(size_t row) const;  // first row after `row` before which a page may break
  void DrawRows(size_t first, size_t last, double top);

  Canvas& canvas_;
  const TableLayout& t_;
  std::vector<double> x_;        // left edge of each column, and the right edge at the end
  std::vector<double> heights_;  // per row
  std::vector<bool> break_ok_;   // a page may break before this row
  std::vector<double> row_top_;  // of the rows drawn on the current page
};

}  // namespace gongkai::render::pdf
