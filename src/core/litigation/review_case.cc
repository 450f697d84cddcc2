#include "core/litigation/review_case.h"

#include <string>

#include "core/terms.h"
#include "core/text.h"

namespace gongkai::litigation {

Status ValidateReviewCase(const ReviewCase& c, Date today) {
  GK_RETURN_IF_ERROR(CheckText(c.decision, 1, 500, "decision", "被申请复议或起诉的答复"));
  GK_RETURN_IF_ERROR(CheckText(c.applicant, 0, 100, "applicant", "申请人或原告"));
  GK_RETURN_IF_ERROR(CheckText(c.body, 0, 100, "body", "复议机关或法院"));
  GK_RETURN_IF_ERROR(CheckText(c.case_number, 0, 100, "case_number", "案号"));
  GK_RETURN_IF_ERROR(CheckText(c.note, 0, 2000, "note", "备注"));
  if (c.filed_on > today) {
    return InvalidArgument("filed_on: " + c.filed_on.ToString() + " is in the future",
                           "立案（申请）日期不能晚于今天");
  }
  if (c.result == CaseResult::kPending) {
    if (c.result_on) {
      return InvalidArgument("result_on: a pending case has no result date",
                             "尚未审结的案件不应填写结果日期");
    }
    return OkStatus();
  }
  if (!c.result_on) {
    return InvalidArgument("result_on: a decided case needs its result date", "请填写结果日期");
  }
  if (*c.result_on < c.filed_on || *c.result_on > today) {
    return InvalidArgument("result_on: must lie between the filing date and today",
                           "结果日期应在立案日期与今天之间");
  }
  return OkStatus();
}

std::string_view Code(CaseKind v) {
  switch (v) {
    case CaseKind::kReview:
      return "review";
    case CaseKind::kSuitDirect:
      return "suit_direct";
    case CaseKind::kSuitAfterReview:
      return "suit_after_review";
  }
  return "";
}

std::string_view Code(CaseResult v) {
  switch (v) {
    case CaseResult::kUpheld:
      return "upheld";
    case CaseResult::kCorrected:
      return "corrected";
    case CaseResult::kOther:
      return "other";
    case CaseResult::kPending:
      return "pending";
  }
  return "";
}

std::string_view Code(AgencyRole v) {
  switch (v) {
    case AgencyRole::kOriginal:
      return "original";
    case AgencyRole::kCoDefendantReviewOrgan:
      return "co_defendant_review_organ";
  }
  return "";
}

std::optional<CaseKind> ParseCaseKind(std::string_view code) {
  return ParseCode(kAllCaseKinds, code);
}
std::optional<CaseResult> ParseCaseResult(std::string_view code) {
  return ParseCode(kAllCaseResults, code);
}
std::optional<AgencyRole> ParseAgencyRole(std::string_view code) {
  return ParseCode(kAllAgencyRoles, code);
}
std::string_view Label(CaseKind v) { return LabelOf("review_kind.", Code(v)); }
std::string_view Label(CaseResult v) { return LabelOf("review_result.", Code(v)); }
std::string_view Label(AgencyRole v) { return LabelOf("review_role.", Code(v)); }

}  // namespace gongkai::litigation
