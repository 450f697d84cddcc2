#include "core/calendar.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gongkai {
namespace {

std::string ReadDataFile(int year) {
  const char* root = std::getenv("GONGKAI_SOURCE_DIR");
  std::string path =
      std::string(root ? root : ".") + "/data/calendar/" + std::to_string(year) + ".txt";
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

WorkingCalendar LoadedCalendar() {
  WorkingCalendar cal;
  for (int y = 2023; y <= 2026; ++y) {
    auto parsed = ParseCalendarYear(ReadDataFile(y));
    EXPECT_TRUE(parsed.ok()) << y << ": " << parsed.status().ToString();
    if (parsed.ok()) {
      EXPECT_TRUE(cal.AddYear(*parsed).ok());
    }
  }
  return cal;
}

Date D(const char* s) { return Date::Parse(s).value(); }

// statute.md: weekdays that are not working days.
TEST(CalendarTest, CheckValuesFromTheStatute) {
  WorkingCalendar cal = LoadedCalendar();
  EXPECT_EQ(cal.NonWorkingWeekdays(2023), 18);
  EXPECT_EQ(cal.NonWorkingWeekdays(2024), 19);
  EXPECT_EQ(cal.NonWorkingWeekdays(2025), 18);
  EXPECT_EQ(cal.NonWorkingWeekdays(2026), 19);
  EXPECT_EQ(cal.LoadedYears(), (std::vector<int>{2023, 2024, 2025, 2026}));
}

TEST(CalendarTest, ClassifiesHolidaysAndMakeupDays) {
  WorkingCalendar cal = LoadedCalendar();
  struct Case {
    const char* date;
    DayKind kind;
  } cases[] = {
      {"2023-01-20", DayKind::kWorkday},        // Friday before Spring Festival
      {"2023-01-23", DayKind::kHoliday},        // Monday in Spring Festival
      {"2023-01-28", DayKind::kMakeupWorkday},  // Saturday make-up
      {"2023-01-29", DayKind::kMakeupWorkday},  // Sunday make-up
      {"2023-02-04", DayKind::kWeekend},
      {"2023-10-02", DayKind::kHoliday},  // National Day
      {"2023-10-07", DayKind::kMakeupWorkday},
      {"2022-12-31", DayKind::kHoliday},  // from the 2023 notice, a year earlier
      {"2023-12-30", DayKind::kHoliday},  // from the 2024 notice
      {"2024-01-01", DayKind::kHoliday},
      {"2024-02-18", DayKind::kMakeupWorkday},
      {"2025-10-08", DayKind::kHoliday},
      {"2026-02-23", DayKind::kHoliday},  // Monday, last day of the 2026 Spring Festival
      {"2026-02-28", DayKind::kMakeupWorkday},
  };
  for (const auto& c : cases) {
    DayInfo info = cal.Classify(D(c.date));
    EXPECT_EQ(info.kind, c.kind) << c.date;
  }
}

// The day-0 convention: the start day is day 0, day 1 is the first working day after it.
TEST(CalendarTest, AddWorkingDaysDayZeroConvention) {
  WorkingCalendar cal = LoadedCalendar();
  struct Case {
    const char* from;
    int n;
    const char* due;
  } cases[] = {
      {"2023-03-01", 0, "2023-03-01"},
      {"2023-03-01", 1, "2023-03-02"},   // Wed -> Thu
      {"2023-03-03", 1, "2023-03-06"},   // Fri -> Mon
      {"2023-03-04", 1, "2023-03-06"},   // received on a Saturday: day 1 is Monday
      {"2023-01-19", 20, "2023-02-21"},  // statute.md worked example across Spring Festival
      {"2023-03-01", 20, "2023-03-29"},
      {"2023-03-01", 40, "2023-04-26"},  // statute.md: 20 + extension of 20
      {"2023-01-20", 1, "2023-01-28"},   // the Saturday make-up day counts
      {"2023-09-28", 1, "2023-10-07"},   // across National Day to the make-up Saturday
      {"2023-09-28", 3, "2023-10-09"},
      {"2023-12-29", 1, "2024-01-02"},  // across New Year (2024 notice)
      {"2024-02-09", 1, "2024-02-18"},  // Spring Festival 2024, make-up Sunday
      {"2025-01-27", 1, "2025-02-05"},  // Spring Festival 2025
      {"2025-09-30", 1, "2025-10-09"},  // National Day 2025, 8 days
      {"2026-02-13", 1, "2026-02-14"},  // 2026 make-up Saturday before Spring Festival
      {"2026-02-14", 1, "2026-02-24"},
  };
  for (const auto& c : cases) {
    WorkingDayResult r = cal.AddWorkingDays(D(c.from), c.n);
    EXPECT_EQ(r.date.ToString(), c.due) << c.from << " + " << c.n;
    EXPECT_FALSE(r.provisional) << c.from;
    EXPECT_EQ(cal.CountWorkingDays(D(c.from), r.date), c.n) << c.from;
  }
}

TEST(CalendarTest, UnloadedYearIsProvisional) {
  WorkingCalendar cal = LoadedCalendar();
  WorkingDayResult r = cal.AddWorkingDays(D("2026-12-15"), 20);
  EXPECT_TRUE(r.provisional);
  EXPECT_EQ(r.date.year(), 2027);
  EXPECT_TRUE(cal.Classify(D("2027-01-04")).provisional);
  EXPECT_FALSE(cal.Classify(D("2026-12-31")).provisional);
  // Without any notice, even a plain weekday is provisional.
  WorkingCalendar empty;
  EXPECT_TRUE(empty.AddWorkingDays(D("2023-03-01"), 1).provisional);
  bool prov = false;
  EXPECT_EQ(empty.CountWorkingDays(D("2023-03-01"), D("2023-03-08"), &prov), 5);
  EXPECT_TRUE(prov);
}

TEST(CalendarTest, ReplacingANoticeLeavesNothingBehind) {
  WorkingCalendar cal;
  CalendarYear y{2030, "test notice", {{D("2030-05-01"), D("2030-05-03"), "x"}}, {}};
  ASSERT_TRUE(cal.AddYear(y).ok());
  EXPECT_EQ(cal.Classify(D("2030-05-02")).kind, DayKind::kHoliday);
  y.holidays.clear();
  ASSERT_TRUE(cal.AddYear(y).ok());
  EXPECT_EQ(cal.Classify(D("2030-05-02")).kind, DayKind::kWorkday);
}

TEST(CalendarTest, FormatRoundTrips) {
  auto parsed = ParseCalendarYear(ReadDataFile(2024));
  ASSERT_TRUE(parsed.ok());
  auto again = ParseCalendarYear(FormatCalendarYear(*parsed));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(FormatCalendarYear(*again), FormatCalendarYear(*parsed));
  EXPECT_EQ(again->source, "国办发明电〔2023〕7号");
  EXPECT_EQ(again->holidays.size(), 7u);
  EXPECT_EQ(again->makeup_days.size(), 8u);
}

TEST(CalendarTest, RejectsBadFilesNamingTheLine) {
  struct Case {
    const char* text;
    const char* expect_in_message;
  } cases[] = {
      {"source: x\nholiday: 2023-01-01\n", "missing 'year:'"},
      {"year: 2023\nsource: x\nholiday: 2023-02-30\n", "line 3"},
      {"year: 2023\nsource: x\nworkday: 2023-01-30\n",
       "line 3: make-up working day 2023-01-30 is not a Saturday"},
      {"year: 2023\nsource: x\nbogus: 1\n", "unknown key"},
      {"year: 2023\nsource: x\nholiday 2023-01-01\n", "line 3"},
      {"year: 2023\nholiday: 2023-01-02\n", "notice number"},
      {"year: 2023\nsource: x\nholiday: 2023-01-05..2023-01-01\n", "ends before"},
      {"year: 2023\nsource: x\nholiday: 2025-01-01\n", "outside"},
      {"year: 2023\nsource: x\nholiday: 2023-01-28\nworkday: 2023-01-28\n", "both"},
      {"year: abc\n", "line 1"},
  };
  for (const auto& c : cases) {
    auto r = ParseCalendarYear(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.expect_in_message), std::string::npos)
        << c.text << " -> " << r.status().message();
    EXPECT_FALSE(r.status().ui_message().empty());
  }
}

}  // namespace
}  // namespace gongkai
