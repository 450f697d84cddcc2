#include "core/annual_report.h"

#include <string>

#include "core/terms.h"

namespace gongkai {

std::string_view Code(ReportStatus s) {
  switch (s) {
    case ReportStatus::kDraft:
      return "draft";
    case ReportStatus::kPending:
      return "pending";
    case ReportStatus::kPublished:
      return "published";
    case ReportStatus::kSuperseded:
      return "superseded";
  }
  return "?";
}

std::optional<ReportStatus> ParseReportStatus(std::string_view code) {
  for (ReportStatus s : kAllReportStatuses)
    if (Code(s) == code) return s;
  return std::nullopt;
}

std::string_view Label(ReportStatus s) { return Zh("report_status." + std::string(Code(s))); }

std::string_view Code(ReportOrigin o) {
  switch (o) {
    case ReportOrigin::kEntered:
      return "entered";
    case ReportOrigin::kImported:
      return "imported";
    case ReportOrigin::kSummary:
      return "summary";
  }
  return "?";
}

std::optional<ReportOrigin> ParseReportOrigin(std::string_view code) {
  for (ReportOrigin o : kAllReportOrigins)
    if (Code(o) == code) return o;
  return std::nullopt;
}

std::string_view Label(ReportOrigin o) { return Zh("report_origin." + std::string(Code(o))); }

}  // namespace gongkai
