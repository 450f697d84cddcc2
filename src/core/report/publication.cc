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
  const char* who_zh = kind == ReporterKind::kGovernment ? "本级政府年度报告" : "政府部门年度报告";
  const char* who_en =
      kind == ReporterKind::kGovernment ? "a government's report" : "a department's report";
  return {{"P-01",
           Severity::kForm,
           {},
           deadline.days_since_epoch(),
           published_on->days_since_epoch(),
           false,
           std::to_string(year) + "年度报告于" + published_on->ToChinese() +
               "公布，晚于《政府信息公开条例》第四十九条规定的" + who_zh + "公布期限（" +
               deadline.ToChinese() + "）" + std::to_string(late) + "天",
           "the " + std::to_string(year) + " report was published on " + published_on->ToString() +
               ", " + std::to_string(late) + " day(s) after the Art. 49 deadline for " + who_en +
               " (" + deadline.ToString() + ")"}};
}

}  // namespace gongkai::report
