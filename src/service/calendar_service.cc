#include "service/calendar_service.h"

#include "service/audit_service.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

Status CalendarService::Load(const Actor& actor, const CalendarYear& year) {
  Status st = ValidateCalendarYear(year);
  if (st.ok() && actor.kind == Actor::Kind::kStaff &&
      !RoleAllows(actor.user->role, Permission::kManageCalendar)) {
    st = PermissionDenied("only admins may load calendars", "只有单位管理员可以导入工作日历");
  }
  if (st.ok() && actor.kind == Actor::Kind::kPublic) st = PermissionDenied("public", "无权操作");
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_ASSIGN_OR_RETURN(std::vector<CalendarYear> existing, tx.ListCalendarYears());
      std::string before;
      for (const auto& y : existing) {
        if (y.year == year.year) before = Dump(ToJson(y));
      }
      GK_RETURN_IF_ERROR(tx.PutCalendarYear(year));
      return RecordChange(tx, clock_, actor, "calendar.load",
                          "calendar:" + std::to_string(year.year), before, Dump(ToJson(year)));
    });
  }
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "calendar.load", "calendar:" + std::to_string(year.year),
                   st);
    return st;
  }
  std::lock_guard lock(mu_);
  cached_.reset();
  return OkStatus();
}

Result<std::vector<CalendarYear>> CalendarService::List() {
  return InRead(store_, [&](storage::Transaction& tx) { return tx.ListCalendarYears(); });
}

Result<std::shared_ptr<const WorkingCalendar>> CalendarService::Current() {
  std::lock_guard lock(mu_);
  int64_t now = clock_.NowSeconds();
  if (cached_ && now - cached_at_ < kRefreshSeconds) return cached_;
  GK_ASSIGN_OR_RETURN(
      std::vector<CalendarYear> years,
      InRead(store_, [&](storage::Transaction& tx) { return tx.ListCalendarYears(); }));
  auto cal = std::make_shared<WorkingCalendar>();
  for (const auto& y : years) GK_RETURN_IF_ERROR(cal->AddYear(y));
  cached_ = cal;
  cached_at_ = now;
  return cached_;
}

}  // namespace gongkai::service
