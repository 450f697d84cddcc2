// A rule violation as every rule reports it (annual-report.md §5): stable rule id, severity, the
// cells involved and a message in Chinese for people and English for logs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::report {

enum class Severity { kError, kWarning, kForm };
std::string_view SeverityCode(Severity s);  // "E", "W", "F"

struct Violation {
  std::string rule;  // "T3-01"
  Severity severity = Severity::kError;
  std::vector<std::string> cells;  // the cells involved, the checked one first
  int64_t expected = 0;
  int64_t found = 0;
  bool has_numbers = false;  // expected/found are meaningful
  std::string message_zh;
  std::string message_en;
};

}  // namespace gongkai::report
