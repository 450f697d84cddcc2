#include "render/pdf_table.h"

#include <algorithm>

namespace gongkai::render::pdf {

namespace {

constexpr double kPadX = 3, kPadY = 3.5, kMinRow = 17;
// Merged groups up to this many rows are kept on one page; longer ones (三、本年度办理结果) may
// break.
constexpr int kKeepTogether = 8;

PangoAlignment AlignOf(const TableLayout& t, const LayoutCell& c) {
  bool block_title = c.kind == CellKind::kHeader && c.col_span == t.cols && t.header_rows == 0;
  return (c.kind == CellKind::kLabel && c.row_span == 1) || block_title ? PANGO_ALIGN_LEFT
                                                                        : PANGO_ALIGN_CENTER;
}

const char* FontOf(const TableLayout& t, const LayoutCell& c) {
  bool bold = c.kind == CellKind::kHeader;
  (void)t;
  return bold ? "SimHei,Noto Sans CJK SC 9.5" : kTableFont;
}

}  // namespace

TablePainter::TablePainter(Canvas& canvas, const TableLayout& table) : canvas_(canvas), t_(table) {
  x_.push_back(kMarginLeft);
  for (double w : t_.col_weights) x_.push_back(x_.back() + w * kTextWidth);
  heights_.assign(t_.rows, kMinRow);
  // Single-row cells first, then merged ones make up any shortfall on their last row.
  std::vector<const LayoutCell*> cells;
  for (const auto& c : t_.cells) cells.push_back(&c);
  std::stable_sort(cells.begin(), cells.end(),
                   [](auto* a, auto* b) { return a->row_span < b->row_span; });
  for (const LayoutCell* c : cells) {
    double width = x_[c->col + c->col_span] - x_[c->col] - 2 * kPadX;
    double need = canvas_.TextHeight(c->text, FontOf(t_, *c), width) + 2 * kPadY;
    double have = 0;
    for (int r = c->row; r < c->row + c->row_span; ++r) have += heights_[r];
    if (need > have) heights_[c->row + c->row_span - 1] += need - have;
  }
  break_ok_.assign(t_.rows + 1, true);
  for (int r = 0; r <= t_.header_rows && r < t_.rows; ++r) break_ok_[r] = false;
  for (const auto& c : t_.cells) {
    if (c.row_span > 1 && c.row_span <= kKeepTogether) {
      for (int r = c.row + 1; r < c.row + c.row_span; ++r) break_ok_[r] = false;
    }
  }
  if (t_.header_rows == 0) {
    // Stacked blocks (Table 二): break only before a block's full-width title row.
    for (const auto& c : t_.cells) {
      if (c.col == 0 && c.col_span < t_.cols) break_ok_[c.row] = false;
    }
  }
  break_ok_[t_.rows] = true;
}

size_t TablePainter::ChunkEnd(size_t row) const {
  size_t end = row + 1;
  while (end < static_cast<size_t>(t_.rows) && !break_ok_[end]) ++end;
  return end;
}

double TablePainter::StartHeight() const {
  double h = 0;
  size_t first = static_cast<size_t>(t_.header_rows);
  size_t end = first < static_cast<size_t>(t_.rows) ? ChunkEnd(first) : first;
  for (size_t r = 0; r < end; ++r) h += heights_[r];
  return h;
}

void TablePainter::DrawRows(size_t first, size_t last, double top) {
  // Top of each row on this page; rows outside [first, last) are not on it.
  row_top_.assign(t_.rows + 1, 0);
  double y = top;
  for (size_t r = first; r < last; ++r) row_top_[r] = y, y += heights_[r];
  row_top_[last] = y;
  for (const auto& c : t_.cells) {
    size_t a = std::max<size_t>(c.row, first), b = std::min<size_t>(c.row + c.row_span, last);
    if (a >= b) continue;
    double x = x_[c.col], w = x_[c.col + c.col_span] - x;
    double y0 = row_top_[a], h = row_top_[b] - y0;
    canvas_.Rect(x, y0, w, h);
    // A merged cell cut by a page break shows its label in each part that has room for it.
    bool cut = static_cast<int>(a) != c.row || static_cast<int>(b) != c.row + c.row_span;
    if (cut && canvas_.TextHeight(c.text, FontOf(t_, c), w - 2 * kPadX) > h) continue;
    canvas_.BoxText(c.text, FontOf(t_, c), x + kPadX, y0, w - 2 * kPadX, h, AlignOf(t_, c));
  }
}

void TablePainter::Draw() {
  const size_t header = static_cast<size_t>(t_.header_rows), rows = static_cast<size_t>(t_.rows);
  double header_height = 0;
  for (size_t r = 0; r < header; ++r) header_height += heights_[r];
  if (canvas_.Remaining() < StartHeight() && !canvas_.AtPageTop()) canvas_.NewPage();
  double page_top = canvas_.y();
  double y = page_top + header_height;  // bottom of the rows placed so far on this page
  size_t page_first = header;
  auto draw_page = [&](size_t last) {
    if (header > 0) DrawRows(0, header, page_top);
    if (last > page_first) DrawRows(page_first, last, page_top + header_height);
  };
  for (size_t r = header; r < rows;) {
    size_t end = ChunkEnd(r);
    double h = 0;
    for (size_t k = r; k < end; ++k) h += heights_[k];
    if (y + h > kBottom) {
      if (r > page_first) {  // break before r; the table continues under a repeated header
        draw_page(r);
        canvas_.NewPage();
        page_top = canvas_.y();
        y = page_top + header_height;
        page_first = r;
        continue;
      }
      end = r + 1;  // a group taller than a page: break between any two of its rows
      h = heights_[r];
    }
    y += h;
    r = end;
  }
  draw_page(rows);
  canvas_.set_y(y);
}

}  // namespace gongkai::render::pdf
