// XLSX: one sheet per table (表二, 表三, 表四) in the official layout with merged header cells,
// figures as numbers (money in 万元, format 0.0000), A4 print setup with the header rows repeated;
// then a 说明 sheet with the title, version notes and the narrative sections. libxlsxwriter 1.1.4
// can only write to a file, so the workbook goes through a private temporary file.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "render/document.h"
#include "render/formats.h"

namespace gongkai::render {

namespace {

constexpr char kFont[] = "宋体";

// Display width in Excel character units: CJK characters count double.
double TextWidth(const std::string& s) {
  double w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += len >= 3 ? 2.0 : 1.0;
    i += len;
  }
  return w;
}

struct Formats {
  lxw_format *title, *heading, *text, *header, *note, *label, *group, *figure, *money, *block;
};

lxw_format* NewFormat(lxw_workbook* wb, double size, bool bold, bool border, uint8_t align) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, kFont);
  format_set_font_size(f, size);
  if (bold) format_set_bold(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  return f;
}

Formats MakeFormats(lxw_workbook* wb) {
  Formats f;
  f.title = NewFormat(wb, 16, true, false, LXW_ALIGN_CENTER);
  f.heading = NewFormat(wb, 12, true, false, LXW_ALIGN_LEFT);
  f.text = NewFormat(wb, 11, false, false, LXW_ALIGN_LEFT);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.header = NewFormat(wb, 10, true, true, LXW_ALIGN_CENTER);
  f.note = NewFormat(wb, 9, false, true, LXW_ALIGN_CENTER);
  f.label = NewFormat(wb, 10, false, true, LXW_ALIGN_LEFT);
  f.group = NewFormat(wb, 10, false, true, LXW_ALIGN_CENTER);
  f.block = NewFormat(wb, 10, true, true, LXW_ALIGN_LEFT);
  f.figure = NewFormat(wb, 10, false, true, LXW_ALIGN_CENTER);
  f.money = NewFormat(wb, 10, false, true, LXW_ALIGN_CENTER);
  format_set_num_format(f.money, "0.0000");
  return f;
}

lxw_format* FormatFor(const Formats& f, const TableLayout& t, const LayoutCell& c) {
  switch (c.kind) {
    case CellKind::kNote:
      return f.note;
    case CellKind::kHeader:
      return c.col_span == t.cols && t.header_rows == 0 ? f.block : f.header;
    case CellKind::kLabel:
      return c.row_span > 1 ? f.group : f.label;
    case CellKind::kFigure:
      return c.money ? f.money : f.figure;
  }
  return f.figure;
}

// Writes one cell (merged when it spans), as a number when it holds one.
lxw_error WriteCell(lxw_worksheet* ws, int top, const Formats& f, const TableLayout& t,
                    const LayoutCell& c) {
  lxw_row_t r = top + c.row;
  lxw_col_t col = c.col;
  lxw_format* fmt = FormatFor(f, t, c);
  bool number =
      c.kind == CellKind::kFigure && c.value && c.value->state == report::CellState::kNumber;
  lxw_error err = LXW_NO_ERROR;
  if (c.row_span > 1 || c.col_span > 1) {
    err = worksheet_merge_range(ws, r, col, r + c.row_span - 1, col + c.col_span - 1,
                                number ? "" : c.text.c_str(), fmt);
    if (err != LXW_NO_ERROR || !number) return err;
  }
  if (!number) return worksheet_write_string(ws, r, col, c.text.c_str(), fmt);
  // 万元 with four decimals: whole yuan / 10000, rounded as the printed figure is.
  double v = c.money ? std::llround(static_cast<double>(c.value->value) / 100.0) / 10000.0
                     : static_cast<double>(c.value->value);
  return worksheet_write_number(ws, r, col, v, fmt);
}

lxw_error WriteTableSheet(lxw_workbook* wb, const Formats& f, const DocumentModel& m,
                          const Section& s) {
  const TableLayout& t = *s.table;
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.short_name.c_str());
  if (ws == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  const bool wide = t.cols > 6;
  const double total_width = wide ? 150 : 90;
  for (int c = 0; c < t.cols; ++c)
    worksheet_set_column(ws, c, c, t.col_weights[c] * total_width, nullptr);

  std::string title = m.title + (m.draft ? "（" + std::string(kDraftMark) + "）" : "");
  lxw_error err = worksheet_merge_range(ws, 0, 0, 0, t.cols - 1, title.c_str(), f.title);
  if (err != LXW_NO_ERROR) return err;
  worksheet_set_row(ws, 0, 40, nullptr);
  err = worksheet_merge_range(ws, 1, 0, 1, t.cols - 1, s.heading.c_str(), f.heading);
  if (err != LXW_NO_ERROR) return err;
  worksheet_set_row(ws, 1, 22, nullptr);
  const int top = 2;

  // Row heights: merged and wrapped text does not grow rows by itself in Excel.
  std::vector<double> lines(t.rows, 1.0);
  for (const auto& c : t.cells) {
    double width = 0;
    for (int k = 0; k < c.col_span; ++k) width += t.col_weights[c.col + k] * total_width;
    double need = std::ceil(TextWidth(c.text) / std::max(1.0, width - 1.0)) / c.row_span;
    for (int k = 0; k < c.row_span; ++k) lines[c.row + k] = std::max(lines[c.row + k], need);
  }
  for (int r = 0; r < t.rows; ++r) worksheet_set_row(ws, top + r, 6 + 13.5 * lines[r], nullptr);

  for (const auto& c : t.cells) {
    err = WriteCell(ws, top, f, t, c);
    if (err != LXW_NO_ERROR) return err;
  }
  worksheet_set_paper(ws, 9);  // A4
  if (wide) worksheet_set_landscape(ws);
  worksheet_set_margins(ws, 0.6, 0.6, 0.75, 0.75);
  worksheet_center_horizontally(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  if (t.header_rows > 0) worksheet_repeat_rows(ws, top, top + t.header_rows - 1);
  worksheet_set_footer(ws, "&C第 &P 页 共 &N 页");
  worksheet_freeze_panes(ws, top + t.header_rows, 0);
  return LXW_NO_ERROR;
}

lxw_error WriteNotesSheet(lxw_workbook* wb, const Formats& f, const DocumentModel& m) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "说明");
  if (ws == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  worksheet_set_column(ws, 0, 0, 100, nullptr);
  int row = 0;
  auto line = [&](const std::string& text, lxw_format* fmt) {
    double lines = std::max(1.0, std::ceil(TextWidth(text) / 98.0));
    worksheet_set_row(ws, row, fmt == f.title ? 40 : 4 + 15 * lines, nullptr);
    return worksheet_write_string(ws, row++, 0, text.c_str(), fmt);
  };
  lxw_error err = line(m.title + (m.draft ? "（" + std::string(kDraftMark) + "）" : ""), f.title);
  if (!m.version_line.empty() && err == LXW_NO_ERROR) err = line(m.version_line, f.text);
  if (!m.summary_line.empty() && err == LXW_NO_ERROR) err = line(m.summary_line, f.text);
  if (!m.corrections.empty() && err == LXW_NO_ERROR) err = line(kCorrectionsHeading, f.heading);
  for (const auto& c : m.corrections) {
    if (err == LXW_NO_ERROR) err = line(c, f.text);
  }
  if (err == LXW_NO_ERROR) err = line("报告格式：" + m.format->document, f.text);
  for (const auto& s : m.sections) {
    if (err == LXW_NO_ERROR) err = line(s.heading, f.heading);
    if (s.table && err == LXW_NO_ERROR)
      err = line("见工作表“" + s.table->short_name + "”。", f.text);
    for (const auto& p : s.paragraphs) {
      if (err == LXW_NO_ERROR) err = line(p.text, p.subheading ? f.heading : f.text);
    }
  }
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  return err;
}

Status LibraryError(lxw_error err) {
  return Internal(std::string("XLSX writer failed: ") + lxw_strerror(err),
                  std::string("生成 XLSX 文件失败：") + lxw_strerror(err));
}

}  // namespace

Result<std::string> RenderXlsx(const ReportDocument& doc) {
  GK_ASSIGN_OR_RETURN(DocumentModel m, BuildDocument(doc));
  std::error_code ec;
  std::string dir = std::filesystem::temp_directory_path(ec).string();
  if (ec) dir = "/tmp";
  std::string path = dir + "/gongkai-xlsx-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0)
    return Internal("XLSX: cannot create a temporary file in " + dir,
                    "生成 XLSX 文件失败：无法创建临时文件");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } cleanup{path};

  lxw_workbook_options options = {};
  options.tmpdir = dir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr)
    return Internal("XLSX: cannot start a workbook", "生成 XLSX 文件失败：无法创建工作簿");
  Formats f = MakeFormats(wb);
  lxw_error err = LXW_NO_ERROR;
  for (const auto& s : m.sections) {
    if (s.table && err == LXW_NO_ERROR) err = WriteTableSheet(wb, f, m, s);
  }
  if (err == LXW_NO_ERROR) err = WriteNotesSheet(wb, f, m);
  lxw_doc_properties props = {};
  std::string title = m.title;
  props.title = title.data();
  workbook_set_properties(wb, &props);
  lxw_error closed = workbook_close(wb);  // frees the workbook whatever happened
  if (err != LXW_NO_ERROR) return LibraryError(err);
  if (closed != LXW_NO_ERROR) return LibraryError(closed);

  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in)
    return Internal("XLSX: cannot read back " + path, "生成 XLSX 文件失败：无法读取临时文件");
  return bytes.str();
}

}  // namespace gongkai::render
