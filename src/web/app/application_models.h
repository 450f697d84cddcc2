// View models of disclosure applications: a line of the back-office list, the case page (the
// applicant and the request, the clock and how it was computed, the timeline, and the forms of the
// steps that may be taken now), and the status page the public sees with a query code.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/application/application.h"
#include "core/application/deadline.h"
#include "core/user.h"
#include "service/application_service.h"
#include "web/app/step_form.h"

namespace gongkai::web {

// "2026年12月28日（星期一）"; "" for none.
std::string LongDate(const std::optional<Date>& d);
// "〔2026〕3号"
std::string SerialText(const application::Application& a);
// "剩余3个工作日", "今天到期", "逾期2个工作日"; "" when the clock is not running.
std::string DaysLeftText(std::optional<int> days_left);

// A list line: serial and link, dates, applicant, request, state, due date with its mark.
nlohmann::json ApplicationLineModel(const service::ApplicationLine& line,
                                    const std::string& agency_name);

// The clock panel: status, due date, days left or overdue, provisional mark, pauses, the
// deadlines along the way, consultations and the steps of the computation (staff only).
nlohmann::json ClockModel(const application::Deadline& d, std::optional<int> days_left,
                          bool with_steps);

// One line of the timeline: date, label, who, details.
nlohmann::json EventModel(const application::CaseEvent& e, const application::Application& app);

// The outcome choices grouped as Table 三's rows, each with its statutory basis.
nlohmann::json OutcomeGroups(std::optional<application::Outcome> selected);

// A step's form as posted, when it comes back: the values typed, the refusal, a fee quote.
struct ActionInput : StepFormInput {
  std::optional<service::ApplicationService::FeeQuote> quote;
};

struct CasePageContext {
  const User* user = nullptr;
  Date today;
  Date correction_until;       // the default deadline a correction notice gives the applicant
  std::vector<User> handlers;  // who may be assigned
  const ActionInput* input = nullptr;
  // The due date if the pending extension request is approved (for the leader's decision).
  std::optional<Date> extended_due;
  bool extended_due_provisional = false;
};

nlohmann::json CasePageModel(const service::ApplicationView& v, const CasePageContext& ctx);
// The forms of the steps that fit the case now and the user's role (application_step_forms.cc),
// by name: "receive", "correction_requested", ..., "extension_decision", "note", "assign".
nlohmann::json StepFormsModel(const service::ApplicationView& v, const CasePageContext& ctx);

// What the applicant sees with the query code.
nlohmann::json PublicStatusModel(const service::PublicStatus& s);

}  // namespace gongkai::web
