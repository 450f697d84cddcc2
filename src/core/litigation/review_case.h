// Administrative review (行政复议) and litigation (行政诉讼) about disclosure decisions (Art. 51):
// the records Table 四 is counted from (annual-report.md §4, §7).
//
// A case counts for the year its result is recorded in; one filed by the end of a year and without
// a result by then counts as pending (尚未审结) in that year. When the review organ is co-defendant
// only the original agency counts the case, so a case where this agency is the co-defendant review
// organ is kept on file but never counted.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace gongkai::litigation {

// Codes are Table 四's row ids.
enum class CaseKind { kReview, kSuitDirect, kSuitAfterReview };
inline constexpr std::array kAllCaseKinds = {CaseKind::kReview, CaseKind::kSuitDirect,
                                             CaseKind::kSuitAfterReview};
// Codes are Table 四's column ids; kPending is the state before a result.
enum class CaseResult { kUpheld, kCorrected, kOther, kPending };
inline constexpr std::array kAllCaseResults = {CaseResult::kUpheld, CaseResult::kCorrected,
                                               CaseResult::kOther, CaseResult::kPending};
// Whose case it is for counting.
enum class AgencyRole { kOriginal, kCoDefendantReviewOrgan };
inline constexpr std::array kAllAgencyRoles = {AgencyRole::kOriginal,
                                               AgencyRole::kCoDefendantReviewOrgan};

struct ReviewCase {
  int64_t id = 0;
  int64_t agency_id = 0;
  int64_t application_id = 0;  // the application whose answer is challenged (0: none on file)
  CaseKind kind = CaseKind::kReview;
  AgencyRole role = AgencyRole::kOriginal;
  std::string decision;   // the disclosure decision concerned, e.g. the answer's number and date
  std::string applicant;  // who brought it
  std::string body;       // the review organ or the court
  std::string case_number;
  Date filed_on;
  CaseResult result = CaseResult::kPending;
  std::optional<Date> result_on;  // set iff result != kPending
  std::string note;
  std::string created_by, created_at, updated_by, updated_at;
  int64_t version = 0;
};

// Filing date not after today; a result other than pending has its date (not before filing, not
// after today) and pending has none; text fields well-formed and bounded.
Status ValidateReviewCase(const ReviewCase& c, Date today);

std::string_view Code(CaseKind v);
std::string_view Code(CaseResult v);
std::string_view Code(AgencyRole v);
std::optional<CaseKind> ParseCaseKind(std::string_view code);
std::optional<CaseResult> ParseCaseResult(std::string_view code);
std::optional<AgencyRole> ParseAgencyRole(std::string_view code);
std::string_view Label(CaseKind v);
std::string_view Label(CaseResult v);
std::string_view Label(AgencyRole v);

}  // namespace gongkai::litigation
