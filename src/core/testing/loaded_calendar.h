// For tests: the bundled calendars (data/calendar/2023-2026.txt) loaded into a WorkingCalendar,
// read from $GONGKAI_SOURCE_DIR (set by CTest).
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/calendar.h"

namespace gongkai::testing {

inline std::string ReadCalendarFile(int year) {
  const char* root = std::getenv("GONGKAI_SOURCE_DIR");
  std::string path =
      std::string(root ? root : ".") + "/data/calendar/" + std::to_string(year) + ".txt";
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Years 2023..2026; aborts the test binary's expectations if a file is missing.
inline WorkingCalendar LoadedCalendar(int first = 2023, int last = 2026) {
  WorkingCalendar cal;
  for (int y = first; y <= last; ++y) {
    auto parsed = ParseCalendarYear(ReadCalendarFile(y));
    if (!parsed.ok() || !cal.AddYear(*parsed).ok()) std::abort();
  }
  return cal;
}

inline Date D(const char* iso) { return Date::Parse(iso).value(); }

}  // namespace gongkai::testing
