#include "render/layout.h"

#include <algorithm>
#include <map>

#include "io/report_text.h"

namespace gongkai::render {

namespace {

LayoutCell Cell(int row, int col, int row_span, int col_span, CellKind kind, std::string text) {
  LayoutCell c;
  c.row = row, c.col = col, c.row_span = row_span, c.col_span = col_span, c.kind = kind;
  c.text = std::move(text);
  return c;
}

bool IsMoney(const report::FormatDef& f, const std::string& cell_id) {
  return std::find(f.money_cells.begin(), f.money_cells.end(), cell_id) != f.money_cells.end();
}

void AddFigure(TableLayout& t, const report::FormatDef& f, const report::ReportData& data, int row,
               int col, int col_span, const std::string& cell_id) {
  LayoutCell c = Cell(row, col, 1, col_span, CellKind::kFigure, "");
  c.cell_id = cell_id;
  c.money = IsMoney(f, cell_id);
  c.text = FigureText(data, cell_id, c.money);
  auto it = data.cells.find(cell_id);
  c.value = it == data.cells.end() ? report::CellValue::Blank() : it->second;
  t.cells.push_back(std::move(c));
}

void Sort(TableLayout& t) {
  std::stable_sort(t.cells.begin(), t.cells.end(), [](const LayoutCell& a, const LayoutCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
}

// Table 二: four small blocks (one per article item) stacked in one grid, each with a title row, a
// header row and its rows. The def lists Table 二's cells explicitly; a block's columns are those
// its rows use.
TableLayout BuildT2(const report::FormatDef& f, const report::ReportData& data) {
  const report::TableDef& d = f.t2;
  struct Block {
    std::string title;
    std::vector<const report::RowDef*> rows;
    std::vector<const report::ColumnDef*> cols;
  };
  auto has_cell = [&](const std::string& row, const std::string& col) {
    std::string id = report::CellId(d.id, row, col);
    return std::find(d.cells.begin(), d.cells.end(), id) != d.cells.end();
  };
  std::vector<Block> blocks;
  for (const auto& r : d.rows) {
    if (blocks.empty() || blocks.back().title != r.group) blocks.push_back({r.group, {}, {}});
    blocks.back().rows.push_back(&r);
  }
  size_t width = 1;
  for (auto& b : blocks) {
    for (const auto& c : d.columns) {
      bool used =
          std::any_of(b.rows.begin(), b.rows.end(), [&](auto* r) { return has_cell(r->id, c.id); });
      if (used || d.cells.empty()) b.cols.push_back(&c);
    }
    width = std::max(width, b.cols.size() + 1);
  }

  TableLayout t;
  t.id = d.id;
  t.caption = "表二 " + d.title;
  t.short_name = "表二 主动公开";
  t.cols = static_cast<int>(width);
  int row = 0;
  for (const auto& b : blocks) {
    if (!b.title.empty()) t.cells.push_back(Cell(row++, 0, 1, t.cols, CellKind::kHeader, b.title));
    t.cells.push_back(Cell(row, 0, 1, 1, CellKind::kHeader, "信息内容"));
    int ncols = static_cast<int>(b.cols.size());
    for (int i = 0; i < ncols; ++i) {
      // The last column takes the remaining width, as in the official form's one-column blocks.
      int span = i + 1 == ncols ? t.cols - 1 - i : 1;
      std::string label = b.cols[i]->label;
      bool money = std::any_of(b.rows.begin(), b.rows.end(), [&](auto* r) {
        return IsMoney(f, report::CellId(d.id, r->id, b.cols[i]->id));
      });
      if (money && label.find("万元") == std::string::npos) label += "（单位：万元）";
      t.cells.push_back(Cell(row, 1 + i, 1, span, CellKind::kHeader, label));
    }
    ++row;
    for (const auto* r : b.rows) {
      t.cells.push_back(Cell(row, 0, 1, 1, CellKind::kLabel, r->label));
      for (int i = 0; i < ncols; ++i) {
        int span = i + 1 == ncols ? t.cols - 1 - i : 1;
        if (d.cells.empty() || has_cell(r->id, b.cols[i]->id)) {
          AddFigure(t, f, data, row, 1 + i, span, report::CellId(d.id, r->id, b.cols[i]->id));
        } else {
          t.cells.push_back(Cell(row, 1 + i, 1, span, CellKind::kFigure, ""));
        }
      }
      ++row;
    }
  }
  t.rows = row;
  double label = t.cols > 1 ? 0.31 : 1.0;
  t.col_weights.assign(t.cols, t.cols > 1 ? (1.0 - label) / (t.cols - 1) : 1.0);
  t.col_weights[0] = label;
  Sort(t);
  return t;
}

// Columns of Table 三 that the official form groups under 法人或其他组织; the def lists them flat.
std::string T3ColumnGroup(const std::string& column_id) {
  static const std::map<std::string, std::string> kGroups = {{"commercial", "法人或其他组织"},
                                                             {"research", "法人或其他组织"},
                                                             {"nonprofit", "法人或其他组织"},
                                                             {"legal", "法人或其他组织"},
                                                             {"other_org", "法人或其他组织"}};
  auto it = kGroups.find(column_id);
  return it == kGroups.end() ? "" : it->second;
}

// Table 三: row groups nest. A group named "（三）…" is a sub-group of the last top-level group
// ("三、本年度办理结果"); each level is one label column, merged down the rows it covers.
TableLayout BuildT3(const report::FormatDef& f, const report::ReportData& data) {
  const report::TableDef& d = f.t3;
  TableLayout t;
  t.id = d.id;
  t.caption = "表三 " + d.title;
  t.short_name = "表三 依申请公开";

  std::vector<std::vector<std::string>> paths;
  std::string top;
  size_t depth = 0;
  for (const auto& r : d.rows) {
    std::vector<std::string> path;
    if (r.group.rfind("（", 0) == 0) {
      if (!top.empty()) path.push_back(top);
      path.push_back(r.group);
    } else if (!r.group.empty()) {
      top = r.group;
      path.push_back(top);
    }
    depth = std::max(depth, path.size());
    paths.push_back(std::move(path));
  }
  const int label_cols = static_cast<int>(depth) + 1;

  bool grouped = std::any_of(d.columns.begin(), d.columns.end(),
                             [](const auto& c) { return !T3ColumnGroup(c.id).empty(); });
  t.header_rows = grouped ? 3 : 2;
  t.cols = label_cols + static_cast<int>(d.columns.size());
  t.cells.push_back(Cell(0, 0, t.header_rows, label_cols, CellKind::kNote,
                         "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
  t.cells.push_back(
      Cell(0, label_cols, 1, static_cast<int>(d.columns.size()), CellKind::kHeader, "申请人情况"));
  for (size_t i = 0; i < d.columns.size(); ++i) {
    int col = label_cols + static_cast<int>(i);
    std::string group = T3ColumnGroup(d.columns[i].id);
    if (group.empty()) {
      t.cells.push_back(Cell(1, col, t.header_rows - 1, 1, CellKind::kHeader, d.columns[i].label));
      continue;
    }
    if (i == 0 || T3ColumnGroup(d.columns[i - 1].id) != group) {
      int span = 0;
      for (size_t j = i; j < d.columns.size() && T3ColumnGroup(d.columns[j].id) == group; ++j)
        ++span;
      t.cells.push_back(Cell(1, col, 1, span, CellKind::kHeader, group));
    }
    t.cells.push_back(Cell(2, col, 1, 1, CellKind::kHeader, d.columns[i].label));
  }

  for (size_t i = 0; i < d.rows.size(); ++i) {
    int row = t.header_rows + static_cast<int>(i);
    const auto& path = paths[i];
    for (size_t level = 0; level < path.size(); ++level) {
      auto same_prefix = [&](size_t k) {
        return paths[k].size() > level &&
               std::equal(path.begin(), path.begin() + level + 1, paths[k].begin());
      };
      if (i > 0 && same_prefix(i - 1)) continue;  // covered by the group cell above
      int span = 0;
      for (size_t k = i; k < d.rows.size() && same_prefix(k); ++k) ++span;
      t.cells.push_back(Cell(row, static_cast<int>(level), span, 1, CellKind::kLabel, path[level]));
    }
    int at = static_cast<int>(path.size());
    t.cells.push_back(Cell(row, at, 1, label_cols - at, CellKind::kLabel, d.rows[i].label));
    for (size_t c = 0; c < d.columns.size(); ++c) {
      AddFigure(t, f, data, row, label_cols + static_cast<int>(c), 1,
                report::CellId(d.id, d.rows[i].id, d.columns[c].id));
    }
  }
  t.rows = t.header_rows + static_cast<int>(d.rows.size());

  // Narrow group columns (their labels read top to bottom), a wide row-label column, equal figure
  // columns.
  std::vector<double> label_weights;
  if (label_cols == 3) {
    label_weights = {0.06, 0.11, 0.33};
  } else {
    label_weights.assign(label_cols, 0.5 / label_cols);
    label_weights.back() = 0.5 - 0.08 * (label_cols - 1);
    for (int i = 0; i + 1 < label_cols; ++i) label_weights[i] = 0.08;
  }
  t.col_weights = label_weights;
  for (size_t c = 0; c < d.columns.size(); ++c) t.col_weights.push_back(0.5 / d.columns.size());
  Sort(t);
  return t;
}

// Table 四: one figure row under a three-row header: 行政复议 | 行政诉讼 (未经复议直接起诉 |
// 复议后起诉), each block with its result columns.
TableLayout BuildT4(const report::FormatDef& f, const report::ReportData& data) {
  const report::TableDef& d = f.t4;
  TableLayout t;
  t.id = d.id;
  t.caption = "表四 " + d.title;
  t.short_name = "表四 复议诉讼";
  const int n = static_cast<int>(d.columns.size());
  bool grouped =
      std::any_of(d.rows.begin(), d.rows.end(), [](const auto& r) { return !r.group.empty(); });
  t.header_rows = grouped ? 3 : 2;
  t.cols = n * static_cast<int>(d.rows.size());
  t.rows = t.header_rows + 1;
  for (size_t b = 0; b < d.rows.size(); ++b) {
    const report::RowDef& block = d.rows[b];
    int col = static_cast<int>(b) * n;
    int labels_row = 1;
    if (block.group.empty()) {
      t.cells.push_back(Cell(0, col, 1, n, CellKind::kHeader, block.label));
    } else {
      if (b == 0 || d.rows[b - 1].group != block.group) {
        int blocks = 0;
        for (size_t k = b; k < d.rows.size() && d.rows[k].group == block.group; ++k) ++blocks;
        t.cells.push_back(Cell(0, col, 1, n * blocks, CellKind::kHeader, block.group));
      }
      t.cells.push_back(Cell(1, col, 1, n, CellKind::kHeader, block.label));
      labels_row = 2;
    }
    for (int c = 0; c < n; ++c) {
      t.cells.push_back(Cell(labels_row, col + c, t.header_rows - labels_row, 1, CellKind::kHeader,
                             d.columns[c].label));
      AddFigure(t, f, data, t.header_rows, col + c, 1,
                report::CellId(d.id, block.id, d.columns[c].id));
    }
  }
  t.col_weights.assign(t.cols, 1.0 / t.cols);
  Sort(t);
  return t;
}

}  // namespace

std::vector<const LayoutCell*> TableLayout::Grid() const {
  std::vector<const LayoutCell*> grid(static_cast<size_t>(rows) * cols, nullptr);
  for (const auto& c : cells) {
    for (int r = c.row; r < c.row + c.row_span && r < rows; ++r) {
      for (int k = c.col; k < c.col + c.col_span && k < cols; ++k)
        grid[static_cast<size_t>(r) * cols + k] = &c;
    }
  }
  return grid;
}

Result<const report::FormatDef*> ResolveFormat(const report::ReportData& data) {
  const report::FormatDef* f = data.format_id.empty() ? report::FormatForYear(data.year)
                                                      : report::FormatById(data.format_id);
  if (f == nullptr) {
    std::string what = data.format_id.empty() ? "for report year " + std::to_string(data.year)
                                              : "'" + data.format_id + "'";
    std::string zh = data.format_id.empty()
                         ? std::to_string(data.year) + "年度没有对应的年度报告格式"
                         : "未知的年度报告格式“" + data.format_id + "”";
    return InvalidArgument("unknown annual-report format " + what, zh);
  }
  return f;
}

Result<ReportLayout> BuildLayout(const report::ReportData& data) {
  GK_ASSIGN_OR_RETURN(const report::FormatDef* f, ResolveFormat(data));
  ReportLayout l;
  l.format = f;
  l.t2 = BuildT2(*f, data);
  l.t3 = BuildT3(*f, data);
  l.t4 = BuildT4(*f, data);
  return l;
}

std::string FigureText(const report::ReportData& data, const std::string& cell_id, bool money) {
  return io::CellText(data, cell_id, money);
}

std::string SectionHeading(const report::SectionDef& s) { return s.numeral + "、" + s.heading; }

}  // namespace gongkai::render
