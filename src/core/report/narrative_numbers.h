// Rule N-01: every number the narrative states agrees with the tables. Deterministic and
// conservative: only phrasings whose meaning is certain are read, because a false alarm costs more
// than a miss.
//
// Read in sections 一 and 六, clause by clause (split at ，。；！？ and brackets):
//   未收到…申请 (receipt negated, no 复议/诉讼 in the clause)        → t3.new.total = 0
//   收到/新收/受理/接到/接收 …申请… N件                             → t3.new.total (or new +
//   carried_in
//                                                                     when the sentence mentions
//                                                                     结转)
//   办结/答复 … N件 (the sentence mentions 申请)                     → t3.handled_total.total
//   行政复议 … N件; 未发生/未被…行政复议                              → t4.review.total
//   行政诉讼/起诉 … N件; 未发生…行政诉讼                              → suit_direct.total +
//   suit_after_review.total 直接起诉 … N件 / 复议后起诉 … N件                                → the
//   one block's total 制发/印发/出台/制定 / 废止 / 现行有效 …(行政)规范性文件|规章… N件 →
//   t2.<normative|rules>.made|repealed|in_force
// N is Arabic, full-width or Chinese numerals followed by 件/个/条/起/宗/份/次. Between the keyword
// and N only a fixed list of filler words may stand ("政府信息公开申请", "共", "案件"…), so
// "公开行政 复议决定书12件" or "收到个人申请3件" (a subset) are not read. A clause comparing years
// (上年, 同比, 增加, another year…), giving a part (其中, 分别) or an estimate (约, 近, 余, 以上)
// is not read. Numbers with no table cell ("发布各类信息21条") and the fees of section 六 (not in
// the tables) are not checked.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/report/format.h"
#include "core/report/report_data.h"
#include "core/report/violation.h"

namespace gongkai::report {

struct NarrativeClaim {
  std::string sentence;            // the sentence it was read in, spaces removed
  std::vector<std::string> cells;  // the stated number is the sum of these cells
  int64_t stated = 0;
  // Also consistent when the stated number equals the sum of these cells (empty: no alternative).
  std::vector<std::string> alternative;
};

// The claims one narrative section makes; year is the report year (other years mark comparisons).
std::vector<NarrativeClaim> ExtractClaims(std::string_view text, int year);

// N-01 (W): one violation per claim that disagrees with the report's tables in format f. Claims on
// a cell the format lacks, or on a cell that is not a number (T3-05 and friends report those), are
// skipped.
std::vector<Violation> CheckNarrativeNumbers(const FormatDef& f, const ReportData& report);

}  // namespace gongkai::report
