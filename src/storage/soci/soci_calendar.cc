// The working-day calendar: one row per notice year holding the data-file text, so the database and
// data/calendar/*.txt share one format and one parser (core/calendar.h).
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {

Status SociTransaction::PutCalendarYear(const CalendarYear& year) {
  GK_RETURN_IF_ERROR(CheckUsable("put calendar year", true));
  return Write("put calendar year " + std::to_string(year.year), [&] {
    std::string body = FormatCalendarYear(year);
    sql() << "INSERT INTO calendar_years (year, source, body) VALUES (:year, :source, :body)"
             " ON CONFLICT (year) DO UPDATE SET source = excluded.source, body = excluded.body",
        soci::use(year.year), soci::use(year.source), soci::use(body);
    return OkStatus();
  });
}

Result<std::vector<CalendarYear>> SociTransaction::ListCalendarYears() {
  GK_RETURN_IF_ERROR(CheckUsable("list calendar years", false));
  return Read("list calendar years", [&]() -> Result<std::vector<CalendarYear>> {
    std::vector<CalendarYear> years;
    int year = 0;
    std::string body;
    soci::statement select =
        (sql().prepare << "SELECT year, body FROM calendar_years ORDER BY year", soci::into(year),
         soci::into(body));
    select.execute();
    while (select.fetch()) {
      Result<CalendarYear> parsed = ParseCalendarYear(body);
      if (!parsed.ok()) {
        return Internal("calendar_years row " + std::to_string(year) +
                        " does not parse: " + parsed.status().message());
      }
      years.push_back(std::move(parsed).value());
    }
    return years;
  });
}

}  // namespace gongkai::storage
