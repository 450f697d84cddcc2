#include "core/report/region_sum.h"

#include <set>

#include "core/report/cell_label.h"
#include "core/report/format.h"

namespace gongkai::report {

namespace {

// The cells of the format, or, for an unknown format, every cell any report names.
std::vector<std::string> CellsOf(const std::string& format_id,
                                 const std::vector<const ReportData*>& reports) {
  if (const FormatDef* f = FormatById(format_id)) return f->all_cells;
  std::set<std::string> ids;
  for (const ReportData* r : reports) {
    for (const auto& [id, value] : r->cells) ids.insert(id);
  }
  return {ids.begin(), ids.end()};
}

int64_t Sum(const std::vector<const ReportData*>& units, const std::string& cell) {
  int64_t sum = 0;
  for (const ReportData* u : units) sum += u->Get(cell);
  return sum;
}

}  // namespace

Result<ReportData> SumReports(const std::vector<const ReportData*>& units, int year) {
  if (units.empty()) return InvalidArgument("no unit reports to sum", "没有可汇总的单位年度报告");
  const std::string& format_id = units.front()->format_id;
  for (size_t i = 0; i < units.size(); ++i) {
    const ReportData& u = *units[i];
    std::string which = "unit " + std::to_string(i + 1),
                which_zh = "第" + std::to_string(i + 1) + "个单位";
    if (u.year != year) {
      return InvalidArgument(
          which + " reports year " + std::to_string(u.year) + ", not " + std::to_string(year),
          which_zh + "的报告年度为" + std::to_string(u.year) + "，不是" + std::to_string(year));
    }
    if (u.format_id != format_id) {
      return InvalidArgument(
          which + " uses format '" + u.format_id + "', the first unit '" + format_id + "'",
          which_zh + "使用“" + u.format_id + "”版格式，与第1个单位的“" + format_id +
              "”版不同，不能逐项相加");
    }
  }
  ReportData out;
  out.year = year;
  out.format_id = format_id;
  for (const auto& cell : CellsOf(format_id, units)) out.Set(cell, Sum(units, cell));
  return out;
}

std::vector<Violation> CheckRegionSum(const ReportData& summary,
                                      const std::vector<const ReportData*>& units) {
  std::vector<Violation> out;
  std::vector<const ReportData*> all = units;
  all.push_back(&summary);
  const FormatDef* f = FormatById(summary.format_id);
  for (const auto& cell : CellsOf(summary.format_id, all)) {
    int64_t sum = Sum(units, cell), claimed = summary.Get(cell);
    if (sum == claimed) continue;
    std::string label = f ? CellLabel(*f, cell) : cell;
    out.push_back({"A-01",
                   Severity::kWarning,
                   {cell},
                   sum,
                   claimed,
                   true,
                   "汇总报告" + label + "为" + std::to_string(claimed) + "，但所含" +
                       std::to_string(units.size()) + "个单位报告之和为" + std::to_string(sum),
                   "summary " + cell + " is " + std::to_string(claimed) + " but the " +
                       std::to_string(units.size()) + " unit reports sum to " +
                       std::to_string(sum)});
  }
  return out;
}

}  // namespace gongkai::report
