// The working-day calendar (工作日历) that every statutory clock counts on.
//
// A working day is a Monday-Friday that is not a public holiday, plus the make-up working days
// (调休上班日) that fall on weekends. Holidays come from the State Council's yearly notice, loaded
// as data (one CalendarYear per notice). A date in a year whose notice is not loaded is classified
// by weekends alone and marked provisional: callers must show such results as provisional, never as
// final.
//
// Counting convention (statute.md, "Counting working days"): the start day is day 0; day 1 is the
// first working day after it; a deadline of N working days is the end of the N-th working day.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace gongkai {

struct HolidayRange {
  Date first;
  Date last;  // inclusive
  std::string name;
};

struct MakeupDay {
  Date date;
  std::string name;
};

// One State Council notice: the holidays and make-up days of one year.
struct CalendarYear {
  int year = 0;
  std::string source;  // notice number, e.g. 国办发明电〔2022〕16号
  std::vector<HolidayRange> holidays;
  std::vector<MakeupDay> makeup_days;
};

// Parses the data-file form (see data/calendar/README.md). Errors name the line.
Result<CalendarYear> ParseCalendarYear(std::string_view text);
// The inverse of ParseCalendarYear.
std::string FormatCalendarYear(const CalendarYear& year);
// Checks ranges, that make-up days are weekends, that nothing is both holiday and make-up day.
Status ValidateCalendarYear(const CalendarYear& year);

enum class DayKind : uint8_t { kWorkday, kWeekend, kHoliday, kMakeupWorkday };

struct DayInfo {
  DayKind kind = DayKind::kWorkday;
  bool provisional = false;  // the notice for this date's year is not loaded
  bool working() const { return kind == DayKind::kWorkday || kind == DayKind::kMakeupWorkday; }
};

struct WorkingDayResult {
  Date date;
  bool provisional = false;  // some day counted lies in a year whose notice is not loaded
};

class WorkingCalendar {
 public:
  // Adds or replaces the notice for year.year. Validates first.
  Status AddYear(const CalendarYear& year);
  bool HasYear(int year) const;
  std::vector<int> LoadedYears() const;
  const CalendarYear* Notice(int year) const;

  DayInfo Classify(Date date) const;
  bool IsWorkingDay(Date date) const { return Classify(date).working(); }

  // The end of the n-th working day after day0 (n >= 0; n == 0 returns day0).
  WorkingDayResult AddWorkingDays(Date day0, int n) const;
  // Working days in (from, through]: the days that AddWorkingDays would count.
  int CountWorkingDays(Date from, Date through, bool* provisional = nullptr) const;
  // Weekdays (Mon-Fri) of the year that are not working days; the statute's check value.
  int NonWorkingWeekdays(int year) const;

 private:
  struct YearTable {
    bool loaded = false;  // this year's own notice is loaded
    std::array<DayKind, 366> kinds{};
  };
  YearTable& TableFor(int year);
  std::map<int, YearTable> tables_;
  std::map<int, CalendarYear> notices_;
};

std::string_view DayKindCode(DayKind kind);

}  // namespace gongkai
