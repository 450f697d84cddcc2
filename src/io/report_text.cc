#include "io/report_text.h"

#include <cstdio>

#include "core/report/format.h"

namespace gongkai::io {

namespace {

std::string CellText(const report::ReportData& r, const std::string& id, bool money) {
  auto it = r.cells.find(id);
  if (it == r.cells.end()) return "";
  const report::CellValue& c = it->second;
  switch (c.state) {
    case report::CellState::kNumber: return money ? FenToWanYuan(c.value) : std::to_string(c.value);
    case report::CellState::kBlank: return "";
    case report::CellState::kDash: return "/";
    case report::CellState::kUnreadable: return c.text;
  }
  return "";
}

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

std::string FenToWanYuan(int64_t fen) {
  bool negative = fen < 0;
  uint64_t v = negative ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
  uint64_t units = (v + 50) / 100;  // 万元 with 4 decimals = units of 100 fen (1 元)
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%llu.%04llu", negative ? "-" : "", static_cast<unsigned long long>(units / 10000),
                static_cast<unsigned long long>(units % 10000));
  return buf;
}

std::string RenderReport(const report::ReportData& r, const std::string& title, TextFlavor flavor) {
  const report::FormatDef& f = report::Format2021();
  bool md = flavor == TextFlavor::kMarkdown;
  std::string out = (md ? "# " : "") + title + "\n\n";
  auto heading = [&](const report::SectionDef& s) {
    out += (md ? "## " : "") + s.numeral + "、" + s.heading + "\n\n";
  };
  auto narrative = [&](const std::string& numeral) {
    auto it = r.narrative.find(numeral);
    out += (it == r.narrative.end() || it->second.empty() ? std::string("（未填写）") : it->second) + "\n\n";
  };

  heading(f.sections[0]);
  narrative("一");

  heading(f.sections[1]);
  {
    Table t(flavor);
    auto block = [&](const std::string& article, const std::vector<std::string>& rows,
                     const std::vector<std::pair<std::string, std::string>>& cols) {
      std::vector<std::string> head = {"信息内容"};
      for (const auto& c : cols) head.push_back(c.second);
      if (md) {
        out += "**" + article + "**\n\n";
      } else {
        t.Row({article});
      }
      t.Row(head, true);
      for (const auto& row : rows) {
        std::string label;
        for (const auto& rd : f.t2.rows) {
          if (rd.id == row) label = rd.label;
        }
        std::vector<std::string> line = {label};
        for (const auto& c : cols) line.push_back(CellText(r, "t2." + row + "." + c.first, c.first == "amount"));
        t.Row(line);
      }
      if (md) out += t.Take();
    };
    block("第二十条第（一）项", {"rules", "normative"},
          {{"made", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"}});
    block("第二十条第（五）项", {"licensing"}, {{"decisions", "本年处理决定数量"}});
    block("第二十条第（六）项", {"penalty", "coercion"}, {{"decisions", "本年处理决定数量"}});
    block("第二十条第（八）项", {"fees"}, {{"amount", "本年收费金额（单位：万元）"}});
    if (!md) out += t.Take();
  }

  heading(f.sections[2]);
  {
    Table t(flavor);
    std::vector<std::string> head = {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"};
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
      for (const auto& c : f.t3.columns) line.push_back(CellText(r, report::CellId("t3", row.id, c.id), false));
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
        head.push_back((block.group.empty() ? "" : block.group + "·") + block.label + "·" + c.label);
      }
    }
    t.Row(head, true);
    std::vector<std::string> line;
    for (const auto& block : f.t4.rows) {
      for (const auto& c : f.t4.columns) line.push_back(CellText(r, report::CellId("t4", block.id, c.id), false));
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
