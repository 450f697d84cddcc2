#include "core/publication/timeliness.h"

#include "core/publication/rules.h"
#include "core/terms.h"

namespace gongkai::publication {

TimelinessInfo TimelinessOf(const Publication& item, const WorkingCalendar& calendar, Date today) {
  TimelinessInfo info;
  const Version* v = item.Working();
  if (v == nullptr) return info;
  if (v->content.attribute != Attribute::kProactive ||
      (item.stage == Stage::kWithdrawn && !v->released_on)) {
    info.status = Timeliness::kNotApplicable;
    return info;
  }
  info.start =
      v->number > 1 && v->content.changed_date ? v->content.changed_date : v->content.written_date;
  if (!info.start) return info;
  PublicationRules rules = PublicationRulesFor(*info.start);
  WorkingDayResult due = calendar.AddWorkingDays(*info.start, rules.publish_within_working_days);
  info.due = due.date;
  info.provisional = due.provisional;
  if (v->released_on) {
    info.status = *v->released_on <= due.date ? Timeliness::kOnTime : Timeliness::kLate;
    return info;
  }
  if (today > due.date) {
    info.status = Timeliness::kOverdue;
    info.working_days_left = -calendar.CountWorkingDays(due.date, today);
    return info;
  }
  info.working_days_left = calendar.CountWorkingDays(today, due.date);
  info.status = info.working_days_left <= rules.due_soon_working_days ? Timeliness::kDueSoon
                                                                      : Timeliness::kPending;
  return info;
}

bool IsStale(const Publication& item, Date today) {
  const Version* live = item.OnPortal() ? item.Live() : nullptr;
  return live != nullptr && live->content.review_by && *live->content.review_by < today;
}

std::string_view Code(Timeliness t) {
  switch (t) {
    case Timeliness::kNoDate:
      return "no_date";
    case Timeliness::kPending:
      return "pending";
    case Timeliness::kDueSoon:
      return "due_soon";
    case Timeliness::kOverdue:
      return "overdue";
    case Timeliness::kOnTime:
      return "on_time";
    case Timeliness::kLate:
      return "late";
    case Timeliness::kNotApplicable:
      return "not_applicable";
  }
  return "";
}

std::string_view Label(Timeliness t) { return LabelOf("publication_timeliness.", Code(t)); }

}  // namespace gongkai::publication
