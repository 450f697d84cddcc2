#include "core/report/narrative_copy.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/report/narrative_text.h"

namespace gongkai::report {

namespace {

std::u32string Content(std::string_view text) {
  std::u32string out;
  for (char32_t c : DecodeUtf8(text)) {
    if (!IsSpaceOrPunct(c) && !IsDigit(c)) out.push_back(c);
  }
  return out;
}

// Sorted, distinct bigrams, each packed into one integer (code points are below 2^21).
std::vector<uint64_t> Bigrams(const std::u32string& s) {
  std::vector<uint64_t> out;
  if (s.size() < 2) return out;
  out.reserve(s.size() - 1);
  for (size_t i = 0; i + 1 < s.size(); ++i) out.push_back((uint64_t{s[i]} << 21) | s[i + 1]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

const char* SectionName(const std::string& numeral) {
  if (numeral == "一") return "总体情况";
  if (numeral == "五") return "存在的主要问题及改进情况";
  return "其他需要报告的事项";
}

}  // namespace

double NarrativeSimilarity(std::string_view a, std::string_view b) {
  return Jaccard(Bigrams(Content(a)), Bigrams(Content(b)));
}

size_t ContentLength(std::string_view text) { return Content(text).size(); }

std::vector<Violation> CheckNarrativeCopy(const ReportData& report, const ReportData& previous,
                                          int threshold_percent, int min_chars) {
  std::vector<Violation> out;
  for (const char* numeral : {"一", "五", "六"}) {
    auto now = report.narrative.find(numeral), before = previous.narrative.find(numeral);
    if (now == report.narrative.end() || before == previous.narrative.end()) continue;
    std::u32string a = Content(now->second), b = Content(before->second);
    if (a.size() < static_cast<size_t>(min_chars) || b.size() < static_cast<size_t>(min_chars))
      continue;
    double similarity = Jaccard(Bigrams(a), Bigrams(b));
    if (similarity * 100 < threshold_percent) continue;
    int percent = static_cast<int>(std::floor(similarity * 100));
    std::string s = numeral;
    out.push_back({"N-05",
                   Severity::kWarning,
                   {},
                   threshold_percent,
                   percent,
                   false,
                   "第" + s + "部分“" + SectionName(s) + "”与上一年度报告的同一部分相似度为" +
                       std::to_string(percent) + "%（不低于" + std::to_string(threshold_percent) +
                       "%），内容雷同：请写明本年度的实际情况",
                   "section " + s + " is " + std::to_string(percent) +
                       "% similar to last year's (threshold " + std::to_string(threshold_percent) +
                       "%): the narrative looks copied"});
  }
  return out;
}

}  // namespace gongkai::report
