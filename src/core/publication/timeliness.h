// Art. 26: an item is published within 20 working days of the information being formed (成文日期)
// or changed (a revision's 变更日期). Derived on read from the calendar, never stored.
// Also: stale content (past its 复核日期).
#pragma once

#include <optional>

#include "core/calendar.h"
#include "core/publication/publication.h"

namespace gongkai::publication {

enum class Timeliness {
  kNoDate,         // the version has no written/changed date yet
  kPending,        // not yet published, time remains
  kDueSoon,        // not yet published, due within PublicationRules::due_soon_working_days
  kOverdue,        // not yet published, past the date
  kOnTime,         // published by the date
  kLate,           // published after the date
  kNotApplicable,  // not proactive, or withdrawn before publication
};

struct TimelinessInfo {
  Timeliness status = Timeliness::kNoDate;
  std::optional<Date> start;  // written or changed date
  std::optional<Date> due;
  bool provisional = false;   // counted through a year whose holiday notice is missing
  int working_days_left = 0;  // kPending/kDueSoon: left; kOverdue: negative days past
};

// Of the working version (a pending revision, or the item itself).
TimelinessInfo TimelinessOf(const Publication& item, const WorkingCalendar& calendar, Date today);

// Live and past its review-by date.
bool IsStale(const Publication& item, Date today);

std::string_view Code(Timeliness t);
std::string_view Label(Timeliness t);

}  // namespace gongkai::publication
