// Plain-text and Markdown renderings of an annual report in the official layout: the six sections
// in order, Tables 二/三/四 with the official row and column labels, group headers without numbers
// or subtotals (annual-report.md §3), money in 万元 with four decimals.
#pragma once

#include <string>

#include "core/report/report_data.h"

namespace gongkai::io {

enum class TextFlavor { kPlain, kMarkdown };

// title: e.g. "三门峡市湖滨区磁钟乡人民政府2023年政府信息公开工作年度报告".
std::string RenderReport(const report::ReportData& report, const std::string& title,
                         TextFlavor flavor);

// A cell as printed: a count, money in 万元 with four decimals, "/" for a dash, the unreadable text
// itself, or "" for a blank or missing cell.
std::string CellText(const report::ReportData& r, const std::string& id, bool money);

// "1234567" fen → "1.2346" 万元 (four decimals, rounded half up).
std::string FenToWanYuan(int64_t fen);

}  // namespace gongkai::io
