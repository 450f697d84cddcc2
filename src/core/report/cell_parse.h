// Reading one table cell as people type or publish it: full-width digits and punctuation, spaces
// typed by input methods, dashes for "none", money in 万元 with up to four decimals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/report/report_data.h"

namespace gongkai::report {

// Full-width digits, point, minus, slash and the spaces input methods type → ASCII; spaces
// dropped. Other characters are kept.
std::string AsciiDigits(std::string_view in);
// "/", "-", "—", "--", "——" (after AsciiDigits): a cell marked as "none".
bool IsDashText(std::string_view s);
// A count: up to nine ASCII digits.
bool ParseCount(std::string_view s, int64_t* out);
// 万元 with at most four decimals → fen (1 万元 = 1,000,000 fen; the fourth decimal is 1 元).
bool ParseWanYuan(std::string_view s, int64_t* fen);

// 元 with at most two decimals → fen, for reports that print the fee amount in 元.
bool ParseYuan(std::string_view s, int64_t* fen);

// A published cell: blank, dash, a count (thousands separators allowed), money in 万元 when money
// (a trailing "万元" is accepted), or unreadable with the text kept. A minus sign is read: whether
// the cell may be negative is for the rules to say (T3-04, T4-02, T2-01), naming the cell.
CellValue ParseCellText(std::string_view text, bool money);

}  // namespace gongkai::report
