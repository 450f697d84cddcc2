// The working-day calendar as stored data: admins load a year's State Council notice (from a file
// or the back office) without a new release; every clock reads the cached WorkingCalendar.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "core/calendar.h"
#include "service/actor.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

class CalendarService {
 public:
  CalendarService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Validates, stores (replacing that year) and audits. Only admins (any agency) and the CLI.
  Status Load(const Actor& actor, const CalendarYear& year);
  Result<std::vector<CalendarYear>> List();
  // The calendar from the database, cached; refreshed after Load and at most every refresh_seconds
  // so other server processes see a newly loaded year.
  Result<std::shared_ptr<const WorkingCalendar>> Current();

 private:
  static constexpr int64_t kRefreshSeconds = 60;
  storage::Store& store_;
  const Clock& clock_;
  std::mutex mu_;
  std::shared_ptr<const WorkingCalendar> cached_;
  int64_t cached_at_ = 0;
};

}  // namespace gongkai::service
