#include "core/report/publication.h"

namespace gongkai::report {

Date PublicationDeadline(int year, ReporterKind kind) {
  // Both dates exist in every year the Date type accepts; clamp so an absurd year cannot abort.
  int y = year + 1 < 1900 ? 1900 : year + 1 > 2200 ? 2200 : year + 1;
  return Date::FromYmd(y, kind == ReporterKind::kGovernment ? 3 : 1, 31).value();
}

std::vector<Violation> CheckPublication(int year, ReporterKind kind,
                                        std::optional<Date> published_on) {
  if (!published_on) return {};
  Date deadline = PublicationDeadline(year, kind);
  if (*published_on <= deadline) return {};
  int late = deadline.DaysUntil(*published_on);
  // Townships share the departments' date, so the message names the date, not the kind of body.
  const char* who_zh =
      kind == ReporterKind::kGovernment ? "县级以上人民政府的报告为次年3月31日" : "次年1月31日";
  const char* who_en = kind == ReporterKind::kGovernment ? "31 March of the next year"
                                                         : "31 January of the next year";
  return {{"P-01",
           Severity::kForm,
           {},
           deadline.days_since_epoch(),
           published_on->days_since_epoch(),
           false,
           std::to_string(year) + "年度报告于" + published_on->ToChinese() +
               "公布，晚于《政府信息公开条例》第四十九条规定的公布期限（" + who_zh + "，即" +
               deadline.ToChinese() + "）" + std::to_string(late) + "天",
           "the " + std::to_string(year) + " report was published on " + published_on->ToString() +
               ", " + std::to_string(late) + " day(s) after the Art. 49 deadline, " + who_en +
               " (" + deadline.ToString() + ")"}};
}

}  // namespace gongkai::report
