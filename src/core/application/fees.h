// The information-processing fee (信息处理费, 《政府信息公开信息处理费管理办法》,
// 国办函〔2020〕109号). Charged only to curb excessive applications; the agency picks one method
// per application. Money is integer fen.
#pragma once

#include <cstdint>
#include <string>

#include "core/application/rules.h"

namespace gongkai::application {

// Per item (按件): the fee for `items` further items of one applicant in a calendar month, after
// `items_before` items already counted that month. 35 items from none → 300,000 fen (3,000 元).
int64_t PerItemFeeFen(const FeeRules& rules, int items_before, int items);
// Per volume (按量): the fee for one application of `pages` pages. 150 pages → 170,000 fen.
int64_t PerVolumeFeeFen(const FeeRules& rules, int pages);
// "1,700.00元"
std::string FormatYuan(int64_t fen);
// How the amount was reached, in Chinese, e.g. "第11至30件每件100元，共20件2000元；…".
std::string ExplainPerItemFee(const FeeRules& rules, int items_before, int items);
std::string ExplainPerVolumeFee(const FeeRules& rules, int pages);

}  // namespace gongkai::application
