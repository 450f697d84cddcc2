#include "io/report_text.h"

#include <cstdio>

#include "core/report/format.h"

namespace gongkai::io {

namespace {

class Table {
 public:
  explicit Table(TextFlavor flavor) : md_(flavor == TextFlavor::kMarkdown) {}
  void Row(const std::vector<std::string>& cells, bool header = false) {
    if (md_) {
      out_ += "|";
      for (const auto& c : cells) out_ += " " + (c.empty() ? std::string(" ") : c) + " |";
      out_ += "\n";
      if (header) {
        out_ += "|";
        for (size_t i = 0; i < cells.size(); ++i) out_ += i == 0 ? "---|" : "---:|";
        out_ += "\n";
      }
    } else {
      for (size_t i = 0; i < cells.size(); ++i) out_ += (i ? "\t" : "") + cells[i];
      out_ += "\n";
    }
  }
  std::string Take() { return std::move(out_) + "\n"; }

 private:
  bool md_;
  std::string out_;
};

}  // namespace

std::string CellText(const report::ReportData& r, const std::string& id, bool money) {
  auto it = r.cells.find(id);
  if (it == r.cells.end()) return "";
  const report::CellValue& c = it->second;
  switch (c.state) {
    case report::CellState::kNumber:
      return money ? FenToWanYuan(c.value) : std::to_string(c.value);
    case report::CellState::kBlank:
      return "";
    case report::CellState::kDash:
      return "/";
    case report::CellState::kUnreadable:
      return c.text;
  }
  return "";
}

std::string FenToWanYuan(int64_t fen) {
  bool negative = fen < 0;
  uint64_t v = negative ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
  uint64_t units = (v + 50) / 100;  // 万元 with 4 decimals = units of 100 fen (1 元)
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%llu.%04llu", negative ? "-" : "",
                static_cast<unsigned long long>(units / 10000),
                static_cast<unsigned long long>(units % 10000));
  return buf;
}

std::string RenderReport(const report::ReportData& r, const std::string& title, TextFlavor flavor) {
  // The report's own format (the 2019 trial format for old reports); 2021 when it names none we
  // know.
  const report::FormatDef* known = report::FormatById(r.format_id);
  const report::FormatDef& f = known ? *known : report::Format2021();
  bool md = flavor == TextFlavor::kMarkdown;
  std::string out = (md ? "# " : "") + title + "\n\n";
  auto heading = [&](const report::SectionDef& s) {
    out += (md ? "## " : "") + s.numeral + "、" + s.heading + "\n\n";
  };
  auto narrative = [&](const std::string& numeral) {
    auto it = r.narrative.find(numeral);
    std::string text =
        it == r.narrative.end() || it->second.empty() ? std::string("（未填写）") : it->second;
    // In Markdown a single line break does not end a paragraph.
    if (md) {
      for (size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 2)) {
        text.replace(p, 1, "\n\n");
      }
    }
    out += text + "\n\n";
  };

  heading(f.sections[0]);
  narrative("一");

  heading(f.sections[1]);
  {
    // Table 二 is small tables, one per article (the rows' group): each has the columns its rows
    // use.
    Table t(flavor);
    for (size_t i = 0; i < f.t2.rows.size();) {
      const std::string& article = f.t2.rows[i].group;
      size_t end = i;
      while (end < f.t2.rows.size() && f.t2.rows[end].group == article) ++end;
      std::vector<const report::ColumnDef*> cols;
      for (const auto& c : f.t2.columns) {
        for (size_t k = i; k < end; ++k) {
          if (f.HasCell(report::CellId("t2", f.t2.rows[k].id, c.id))) {
            cols.push_back(&c);
            break;
          }
        }
      }
      std::vector<std::string> head = {"信息内容"};
      for (const auto* c : cols) {
        bool money = f.IsMoney(report::CellId("t2", f.t2.rows[i].id, c->id));
        head.push_back(money && c->label.find("万元") == std::string::npos
                           ? c->label + "（单位：万元）"
                           : c->label);
      }
      if (md) {
        out += "**" + article + "**\n\n";
      } else {
        t.Row({article});
      }
      t.Row(head, true);
      for (size_t k = i; k < end; ++k) {
        std::vector<std::string> line = {f.t2.rows[k].label};
        for (const auto* c : cols) {
          std::string id = report::CellId("t2", f.t2.rows[k].id, c->id);
          line.push_back(f.HasCell(id) ? CellText(r, id, f.IsMoney(id)) : "");
        }
        t.Row(line);
      }
      if (md) out += t.Take();
      i = end;
    }
    if (!md) out += t.Take();
  }

  heading(f.sections[2]);
  {
    Table t(flavor);
    std::vector<std::string> head = {
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"};
    for (const auto& c : f.t3.columns) head.push_back(c.label);
    t.Row(head, true);
    std::string group;
    for (const auto& row : f.t3.rows) {
      // Group headers carry no numbers and no subtotals.
      if (!row.group.empty() && row.group != group && row.group.rfind("（", 0) == 0) {
        std::vector<std::string> g = {row.group};
        g.resize(head.size());
        t.Row(g);
      }
      group = row.group;
      std::vector<std::string> line = {row.label};
      for (const auto& c : f.t3.columns)
        line.push_back(CellText(r, report::CellId("t3", row.id, c.id), false));
      t.Row(line);
    }
    out += t.Take();
  }

  heading(f.sections[3]);
  {
    Table t(flavor);
    std::vector<std::string> head;
    for (const auto& block : f.t4.rows) {
      for (const auto& c : f.t4.columns) {
        head.push_back((block.group.empty() ? "" : block.group + "·") + block.label + "·" +
                       c.label);
      }
    }
    t.Row(head, true);
    std::vector<std::string> line;
    for (const auto& block : f.t4.rows) {
      for (const auto& c : f.t4.columns)
        line.push_back(CellText(r, report::CellId("t4", block.id, c.id), false));
    }
    t.Row(line);
    out += t.Take();
  }

  heading(f.sections[4]);
  narrative("五");
  heading(f.sections[5]);
  narrative("六");
  return out;
}

}  // namespace gongkai::io
