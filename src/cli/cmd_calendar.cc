// calendar list | load | check.
#include <iostream>

#include "cli/common.h"
#include "io/file_reader.h"

namespace gongkai::cli {

void AddCalendarCommands(CLI::App& app, int* exit_code) {
  auto* calendar =
      app.add_subcommand("calendar", "Working-day calendars (State Council holiday notices)");
  calendar->require_subcommand(1);

  auto* list = calendar->add_subcommand("list", "List the loaded years");
  list->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto years = p->calendar().List();
    if (!years.ok()) return void(*exit_code = Fail(years.status()));
    auto cal = p->calendar().Current();
    if (!cal.ok()) return void(*exit_code = Fail(cal.status()));
    for (const auto& y : *years) {
      std::cout << y.year << "  " << y.source << "  " << y.holidays.size() << " holiday periods, "
                << y.makeup_days.size() << " make-up working days, "
                << (*cal)->NonWorkingWeekdays(y.year) << " weekdays off\n";
    }
  });

  static std::vector<std::string> files;
  auto* load = calendar->add_subcommand("load", "Load (or replace) years from calendar files");
  load->add_option("FILE", files, "Calendar file(s), format in data/calendar/README.md")
      ->required();
  load->callback([exit_code] {
    std::vector<CalendarYear> years;
    for (const auto& f : files) {  // read and check every file before storing any
      auto y = io::ReadCalendarFile(f);
      if (!y.ok()) return void(*exit_code = Fail(y.status()));
      years.push_back(*y);
    }
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    for (const auto& y : years) {
      st = p->calendar().Load(service::Actor::Cli(), y);
      if (!st.ok()) return void(*exit_code = Fail(st));
      std::cout << "loaded calendar " << y.year << " (" << y.source << ")\n";
    }
  });

  static std::string date_text;
  static int add_days = -1;
  auto* check = calendar->add_subcommand(
      "check", "Classify a date; with --add N, the end of the N-th working day after it");
  check->add_option("DATE", date_text, "YYYY-MM-DD")->required();
  check->add_option("--add", add_days, "Working days to add (the date is day 0)")
      ->check(CLI::Range(0, 1000));
  check->callback([exit_code] {
    auto date = Date::Parse(date_text);
    if (!date.ok()) return void(*exit_code = Fail(date.status()));
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto cal = p->calendar().Current();
    if (!cal.ok()) return void(*exit_code = Fail(cal.status()));
    DayInfo info = (*cal)->Classify(*date);
    std::cout << date->ToString() << "  " << DayKindCode(info.kind)
              << (info.working() ? "  working day" : "  day off")
              << (info.provisional ? "  (provisional: the " + std::to_string(date->year()) +
                                         " notice is not loaded)"
                                   : "")
              << "\n";
    if (add_days >= 0) {
      WorkingDayResult r = (*cal)->AddWorkingDays(*date, add_days);
      std::cout << "+" << add_days << " working days: " << r.date.ToString()
                << (r.provisional ? "  (provisional: a year on the way is not loaded)" : "")
                << "\n";
    }
  });
}

}  // namespace gongkai::cli
