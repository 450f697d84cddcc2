// Rule N-05: the narrative does not copy last year's (内容雷同). Compares sections 一, 五 and 六
// with the same section of last year's report by character bigrams, ignoring digits, whitespace and
// punctuation, so changing only the figures and the year does not make a text new.
#pragma once

#include <string_view>
#include <vector>

#include "core/report/report_data.h"
#include "core/report/violation.h"

namespace gongkai::report {

// Jaccard similarity of the two texts' sets of character bigrams after stripping digits, whitespace
// and punctuation, in [0, 1]; 0 when either has fewer than two characters left.
double NarrativeSimilarity(std::string_view a, std::string_view b);
// Characters left after that stripping.
size_t ContentLength(std::string_view text);

// N-05 (W): one violation per section whose similarity is at least threshold_percent, when both
// texts have at least min_chars content characters.
std::vector<Violation> CheckNarrativeCopy(const ReportData& report, const ReportData& previous,
                                          int threshold_percent, int min_chars);

}  // namespace gongkai::report
