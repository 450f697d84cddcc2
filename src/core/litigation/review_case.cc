#include "core/litigation/review_case.h"

#include <string>

#include "core/terms.h"

namespace gongkai::litigation {

namespace {

template <class E, size_t N>
std::optional<E> ParseIn(const std::array<E, N>& all, std::string_view code) {
  for (E e : all) {
    if (Code(e) == code) return e;
  }
  return std::nullopt;
}

std::string_view LabelOf(std::string_view prefix, std::string_view code) {
  std::string id(prefix);
  id += code;
  return Zh(id);
}

}  // namespace

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
  return ParseIn(kAllCaseKinds, code);
}
std::optional<CaseResult> ParseCaseResult(std::string_view code) {
  return ParseIn(kAllCaseResults, code);
}
std::optional<AgencyRole> ParseAgencyRole(std::string_view code) {
  return ParseIn(kAllAgencyRoles, code);
}
std::string_view Label(CaseKind v) { return LabelOf("review_kind.", Code(v)); }
std::string_view Label(CaseResult v) { return LabelOf("review_result.", Code(v)); }
std::string_view Label(AgencyRole v) { return LabelOf("review_role.", Code(v)); }

}  // namespace gongkai::litigation
