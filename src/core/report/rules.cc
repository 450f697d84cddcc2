#include "core/report/rules.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "core/report/cell_label.h"
#include "core/report/narrative_copy.h"
#include "core/report/narrative_numbers.h"

namespace gongkai::report {

namespace {

// The cell ids the table rules look up, made once per format rather than once per report.
struct RuleCells {
  struct Sum {
    std::string whole;
    std::vector<std::string> parts;
  };
  struct Flow {  // T3-01 in one column of Table 三
    std::string handled_total, carried_out, new_, carried_in;
  };
  std::vector<std::string> t2, t3, t4;  // each table's cells, in TableDef::CellIds order
  std::vector<Flow> t3_flow;            // by column of Table 三
  std::vector<Sum> t3_results;          // T3-02, by column of Table 三
  std::vector<Sum> t3_applicants;       // T3-03, by row of Table 三
  std::vector<Sum> t4_blocks;           // T4-01, by block of Table 四
  // Position of each of the format's cells in FormatDef::all_cells (sorted, as ReportData::cells).
  std::unordered_map<std::string_view, size_t> index;

  explicit RuleCells(const FormatDef& f)
      : t2(f.t2.CellIds()), t3(f.t3.CellIds()), t4(f.t4.CellIds()) {
    for (size_t k = 0; k < f.all_cells.size(); ++k) index.emplace(f.all_cells[k], k);
    for (const auto& col : f.t3.columns) {
      t3_flow.push_back({CellId("t3", "handled_total", col.id), CellId("t3", "carried_out", col.id),
                         CellId("t3", "new", col.id), CellId("t3", "carried_in", col.id)});
      Sum results{CellId("t3", "handled_total", col.id), {}};
      for (const auto& row : f.t3_result_rows) results.parts.push_back(CellId("t3", row, col.id));
      t3_results.push_back(std::move(results));
    }
    for (const auto& row : f.t3.rows) {
      Sum applicants{CellId("t3", row.id, "total"), {}};
      for (const auto& col : T3ApplicantColumns())
        applicants.parts.push_back(CellId("t3", row.id, col));
      t3_applicants.push_back(std::move(applicants));
    }
    for (const auto& block : f.t4.rows) {
      Sum outcomes{CellId("t4", block.id, "total"), {}};
      for (const char* col : {"upheld", "corrected", "other", "pending"})
        outcomes.parts.push_back(CellId("t4", block.id, col));
      t4_blocks.push_back(std::move(outcomes));
    }
  }
};

const RuleCells& RuleCellsOf(const FormatDef& f) {
  static const RuleCells k2021(Format2021()), k2019(Format2019());
  if (&f == &Format2021()) return k2021;
  if (&f == &Format2019()) return k2019;
  static thread_local std::map<const FormatDef*, std::unique_ptr<RuleCells>> others;
  auto& slot = others[&f];
  if (!slot) slot = std::make_unique<RuleCells>(f);
  return *slot;
}

class Checker {
 public:
  Checker(const FormatDef& f, const RuleCells& cells, const ReportData& r,
          std::vector<Violation>* out)
      : f_(f), cells_(cells), r_(r), out_(out), values_(f.all_cells.size(), nullptr) {
    // The report's values of the format's cells, by position: one pass over both sorted lists
    // instead of a search of the map for each of the several hundred look-ups below.
    auto it = r.cells.begin();
    for (size_t k = 0; k < f.all_cells.size() && it != r.cells.end(); ++k) {
      while (it != r.cells.end() && it->first < f.all_cells[k]) ++it;
      if (it != r.cells.end() && it->first == f.all_cells[k]) values_[k] = &it->second;
    }
  }

  // The cell's value as ReportData::Get gives it.
  int64_t V(const std::string& cell) const {
    auto at = cells_.index.find(cell);
    if (at == cells_.index.end()) return r_.Get(cell);
    const CellValue* v = values_[at->second];
    return v != nullptr && v->state == CellState::kNumber ? v->value : 0;
  }

  // Reports `rule` when sum(parts) != whole, naming whole first.
  void Sum(const char* rule, const std::string& whole, const std::vector<std::string>& parts,
           const std::string& zh_rule, const std::string& en_rule) {
    int64_t sum = 0;
    for (const auto& p : parts) sum += V(p);
    if (sum == V(whole)) return;
    Violation v{rule, Severity::kError, {whole}, sum, V(whole), true, "", ""};
    v.cells.insert(v.cells.end(), parts.begin(), parts.end());
    v.message_zh = CellLabel(f_, whole) + "应为" + std::to_string(sum) + "（" + zh_rule +
                   "），实际为" + std::to_string(V(whole));
    v.message_en = whole + " should be " + std::to_string(sum) + " (" + en_rule + "), found " +
                   std::to_string(V(whole));
    out_->push_back(std::move(v));
  }

  void CellStates(const TableDef& t, const std::vector<std::string>& cells,
                  const char* value_rule) {
    for (const auto& cell : cells) {
      auto at = cells_.index.find(cell);
      const CellValue* v = at != cells_.index.end() ? values_[at->second] : nullptr;
      CellValue c = v == nullptr ? CellValue::Blank() : *v;
      switch (c.state) {
        case CellState::kNumber:
          if (c.value < 0 && !IsSigned(cell)) {
            out_->push_back({value_rule,
                             Severity::kError,
                             {cell},
                             0,
                             c.value,
                             false,
                             CellLabel(f_, cell) + "为负数（" + std::to_string(c.value) +
                                 "），应为不小于0的整数",
                             cell + " is negative (" + std::to_string(c.value) + ")"});
          }
          break;
        case CellState::kUnreadable:
          out_->push_back({value_rule,
                           Severity::kError,
                           {cell},
                           0,
                           0,
                           false,
                           CellLabel(f_, cell) + "无法识别为整数：“" + c.text + "”",
                           cell + " is not an integer: '" + c.text + "'"});
          break;
        case CellState::kBlank:
        case CellState::kDash:
          // Table 三 has T3-05 (a warning); Tables 二 and 四 have no rule of their own for this,
          // so it is a form note under their value rule. Either way the cell counts as 0.
          out_->push_back({t.id == "t3" ? "T3-05" : value_rule,
                           t.id == "t3" ? Severity::kWarning : Severity::kForm,
                           {cell},
                           0,
                           0,
                           false,
                           CellLabel(f_, cell) +
                               (c.state == CellState::kBlank ? "未填写" : "填写为“/”或“-”") +
                               "，应填写数字（无则填0），计算时按0处理",
                           cell + (c.state == CellState::kBlank ? " is blank" : " is a dash") +
                               "; counted as 0"});
          break;
      }
    }
  }

 private:
  bool IsSigned(const std::string& cell) const {
    return std::find(f_.signed_cells.begin(), f_.signed_cells.end(), cell) != f_.signed_cells.end();
  }

  const FormatDef& f_;
  const RuleCells& cells_;
  const ReportData& r_;
  std::vector<Violation>* out_;
  std::vector<const CellValue*> values_;  // by position in f_.all_cells; null when missing
};

std::string Pct(int64_t part, int64_t whole) {
  return whole == 0 ? "-" : std::to_string(part * 100 / whole) + "%";
}

}  // namespace

std::string_view SeverityCode(Severity s) {
  switch (s) {
    case Severity::kError:
      return "E";
    case Severity::kWarning:
      return "W";
    case Severity::kForm:
      return "F";
  }
  return "?";
}

std::vector<Violation> CheckReport(const ReportData& r, const ReportData* previous,
                                   const RuleOptions& options) {
  std::vector<Violation> out;
  const FormatDef& current = Format2021();
  const FormatDef* rf = FormatById(r.format_id);

  // N-03: the 2021 format for report years 2021 onward; an unknown format cannot be checked at all.
  if ((r.year >= current.first_year && r.format_id != current.id) || rf == nullptr) {
    std::string found = rf ? "“" + r.format_id + "”版" : "未知格式“" + r.format_id + "”";
    out.push_back({"N-03",
                   Severity::kError,
                   {},
                   0,
                   0,
                   false,
                   std::to_string(r.year) + "年度报告应使用" +
                       (r.year >= current.first_year ? "2021版格式（" + current.document + "）"
                                                     : std::string("国家规定的格式")) +
                       "，实际为" + found,
                   "report year " + std::to_string(r.year) + " must use " +
                       (r.year >= current.first_year ? std::string("the 2021 format")
                                                     : std::string("a known format")) +
                       ", found '" + r.format_id + "'"});
  }
  const FormatDef& f = rf ? *rf : current;
  // N-02: all six sections, in order.
  size_t at = 0;
  for (const auto& s : f.sections) {
    auto it = std::find(r.sections.begin() + static_cast<long>(std::min(at, r.sections.size())),
                        r.sections.end(), s.numeral);
    if (it == r.sections.end()) {
      bool anywhere =
          std::find(r.sections.begin(), r.sections.end(), s.numeral) != r.sections.end();
      out.push_back(
          {"N-02",
           Severity::kError,
           {},
           0,
           0,
           false,
           "第" + s.numeral + "部分“" + s.heading + "”" + (anywhere ? "顺序不对" : "缺失"),
           "section " + s.numeral + " (" + s.heading + ") is " +
               (anywhere ? "out of order" : "missing")});
    } else {
      at = static_cast<size_t>(it - r.sections.begin()) + 1;
    }
  }
  // P-01: the publication deadline, when the date is known.
  for (auto& v : CheckPublication(r.year, options.reporter_kind, options.published_on))
    out.push_back(std::move(v));
  // N-05: narrative copied from last year (only when both have narrative).
  if (previous != nullptr && !r.narrative.empty() && !previous->narrative.empty()) {
    for (auto& v : CheckNarrativeCopy(r, *previous, options.narrative_similarity_percent,
                                      options.narrative_min_chars)) {
      out.push_back(std::move(v));
    }
  }
  if (rf == nullptr) return out;  // the rules below need the format's cells

  // N-01: numbers stated in the narrative agree with the tables.
  if (!r.narrative.empty()) {
    for (auto& v : CheckNarrativeNumbers(f, r)) out.push_back(std::move(v));
  }

  const RuleCells& cells = RuleCellsOf(f);
  Checker c(f, cells, r, &out);
  c.CellStates(f.t3, cells.t3, "T3-04");
  c.CellStates(f.t4, cells.t4, "T4-02");
  c.CellStates(f.t2, cells.t2, "T2-01");

  // Table 三.
  for (size_t k = 0; k < f.t3.columns.size(); ++k) {
    const auto& col = f.t3.columns[k];
    const RuleCells::Flow& flow = cells.t3_flow[k];
    int64_t in = c.V(flow.new_) + c.V(flow.carried_in);
    int64_t outgoing = c.V(flow.handled_total) + c.V(flow.carried_out);
    if (in != outgoing) {
      out.push_back({"T3-01",
                     Severity::kError,
                     {flow.handled_total, flow.carried_out, flow.new_, flow.carried_in},
                     in,
                     outgoing,
                     true,
                     "表三「" + col.label + "」列：第一项加第二项之和（" + std::to_string(in) +
                         "）应等于第三项加第四项之和（" + std::to_string(outgoing) + "）",
                     "t3 column " + col.id + ": new + carried_in = " + std::to_string(in) +
                         " but handled_total + carried_out = " + std::to_string(outgoing)});
    }
    c.Sum("T3-02", cells.t3_results[k].whole, cells.t3_results[k].parts, "各项办理结果之和",
          "sum of the " + std::to_string(f.t3_result_rows.size()) + " result rows");
  }
  for (const auto& applicants : cells.t3_applicants) {
    c.Sum("T3-03", applicants.whole, applicants.parts, "各类申请人之和",
          "sum of the applicant columns");
  }
  // T3-06 concerns 其他处理·其他, a row of the 2021 format only (2019 had one 其他处理 row for all
  // cases).
  int64_t other = c.V("t3.other.other.total"), handled = c.V("t3.handled_total.total");
  if (f.HasCell("t3.other.other.total") && handled > 0 &&
      other * 100 > handled * options.other_other_percent) {
    out.push_back({"T3-06",
                   Severity::kWarning,
                   {"t3.other.other.total", "t3.handled_total.total"},
                   0,
                   other,
                   false,
                   "“其他处理·其他”占办理总数的" + Pct(other, handled) + "，超过" +
                       std::to_string(options.other_other_percent) +
                       "%：该项仅用于少见情形，请核实分类",
                   "other.other is " + Pct(other, handled) + " of handled_total"});
  }

  // Table 四.
  for (const auto& outcomes : cells.t4_blocks) {
    c.Sum("T4-01", outcomes.whole, outcomes.parts, "维持、纠正、其他结果、尚未审结之和",
          "upheld + corrected + other + pending");
  }

  // Table 二. T2-03 needs the 2021 columns made / repealed / in_force.
  for (const char* kind : {"rules", "normative"}) {
    std::string made = CellId("t2", kind, "made"), repealed = CellId("t2", kind, "repealed"),
                in_force = CellId("t2", kind, "in_force");
    if (!f.HasCell(in_force)) continue;
    if (c.V(made) > c.V(in_force) + c.V(repealed)) {
      out.push_back({"T2-03",
                     Severity::kWarning,
                     {made, in_force, repealed},
                     c.V(in_force) + c.V(repealed),
                     c.V(made),
                     true,
                     CellLabel(f, made) + "（" + std::to_string(c.V(made)) +
                         "）大于现行有效件数与本年废止件数之和",
                     made + " exceeds in_force + repealed"});
    }
  }
  if (!options.has_rule_making_power) {
    for (const auto& cell : f.t2.cells) {
      if (cell.rfind("t2.rules.", 0) != 0 || c.V(cell) == 0) continue;
      out.push_back({"T2-02",
                     Severity::kWarning,
                     {cell},
                     0,
                     c.V(cell),
                     true,
                     CellLabel(f, cell) + "不为0：只有具有规章制定权的机关才制发规章",
                     cell + " is non-zero for an agency without rule-making power"});
    }
  }

  // Year over year, on the cells both years' formats have (a 2021 report after a 2019-format 2020
  // one still carries its applications over).
  const FormatDef* pf = previous ? FormatById(previous->format_id) : nullptr;
  if (pf != nullptr) {
    for (const auto& col : f.t3.columns) {
      std::string in = CellId("t3", "carried_in", col.id),
                  prev_out = CellId("t3", "carried_out", col.id);
      if (!pf->HasCell(prev_out)) continue;
      if (c.V(in) != previous->Get(prev_out)) {
        out.push_back({"Y-01",
                       options.both_years_from_records ? Severity::kError : Severity::kWarning,
                       {in},
                       previous->Get(prev_out),
                       c.V(in),
                       true,
                       "表三「" + col.label + "」列上年结转（" + std::to_string(c.V(in)) +
                           "）应等于上一年度报告的结转下年度（" +
                           std::to_string(previous->Get(prev_out)) + "）",
                       in + " should equal last year's carried_out"});
      }
    }
    for (const char* kind : {"rules", "normative"}) {
      std::string in_force = CellId("t2", kind, "in_force");
      if (!f.HasCell(in_force) || !pf->HasCell(in_force)) continue;
      int64_t want = previous->Get(in_force) + c.V(CellId("t2", kind, "made")) -
                     c.V(CellId("t2", kind, "repealed"));
      if (c.V(in_force) != want) {
        out.push_back({"Y-02",
                       Severity::kWarning,
                       {in_force},
                       want,
                       c.V(in_force),
                       true,
                       CellLabel(f, in_force) + "应为上年现行有效件数加本年制发减本年废止（" +
                           std::to_string(want) + "）",
                       in_force + " should be last year's in_force + made - repealed"});
      }
    }
    for (const char* cell : {"t3.new.total", "t3.handled_total.total", "t2.licensing.decisions",
                             "t2.penalty.decisions", "t2.coercion.decisions", "t4.review.total"}) {
      if (!f.HasCell(cell) || !pf->HasCell(cell)) continue;
      int64_t now = c.V(cell), before = previous->Get(cell);
      bool jump =
          (before == 0) != (now == 0) || (before > 0 && (now >= before * 3 || before >= now * 3));
      if (jump &&
          (now >= 3 || before >= 3)) {  // tiny counts move by chance; do not nag about 0 → 1
        out.push_back({"Y-03",
                       Severity::kWarning,
                       {cell},
                       before,
                       now,
                       true,
                       CellLabel(f, cell) + "由上年的" + std::to_string(before) + "变为" +
                           std::to_string(now) + "，变化较大，请在第一部分“总体情况”中说明原因",
                       std::string(cell) + " changed from " + std::to_string(before) + " to " +
                           std::to_string(now)});
      }
    }
  }
  return out;
}

}  // namespace gongkai::report
