// A first draft of the narrative sections 一 (总体情况) and 六 (其他需要报告的事项), written from
// the tables and the few facts the tables lack. The agency edits it; the figures it states agree
// with the tables by construction (it passes rule N-01 against them), and where a fact is unknown
// it leaves a bracketed request to fill it in rather than inventing it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/report/report_data.h"

namespace gongkai::report {

struct NarrativeFacts {
  std::optional<int64_t> items_published;                 // 主动公开政府信息条数
  std::vector<std::pair<std::string, int64_t>> channels;  // per channel: {"政府网站", 21}
  // 信息处理费 (section 六): notices issued, amount notified and amount collected, in fen.
  std::optional<int64_t> fee_notices;
  std::optional<int64_t> fee_notified_fen;
  std::optional<int64_t> fee_collected_fen;
  // A people's government also reports 工作考核、社会评议和责任追究结果情况 in section 一.
  bool people_government = false;
};

// {"一": …, "六": …}. Section 一 has the five topics （一）主动公开 … （五）监督保障, each a
// paragraph.
std::map<std::string, std::string> DraftNarrative(const ReportData& r, const NarrativeFacts& facts);

// The narrative sections that still hold a draft's request to fill something in (“请补充…” in
// brackets), in numeral order: a report is not sent for approval with them.
std::vector<std::string> UnfilledDraftSections(const ReportData& r);

// 15000 fen → "150元", 15050 → "150.50元".
std::string FenToYuanText(int64_t fen);

}  // namespace gongkai::report
