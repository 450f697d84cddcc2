// The disclosure application form (《政府信息公开条例》 Art. 29) as the portal and the back office
// show it: the fields read into an Application, what was typed kept for re-display, and every
// field's problem in Chinese next to it. The portal form is the registration form without the
// channel and the receipt date (Art. 31: staff fix those).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/application/application.h"
#include "core/application/identity.h"
#include "core/date.h"
#include "web/http/form.h"

namespace gongkai::web {

struct ApplicationInput {
  application::Application app;
  std::map<std::string, std::string> raw;     // field name → what was typed
  std::map<std::string, std::string> errors;  // field name → its problem, in Chinese
};

// Reads the form. Field names are the core's FieldError names ("applicant.id_number", ...), plus
// "channel" and "receipt_date" for staff. Unknown choices and malformed dates are errors here;
// the content rules are core's (ValidateApplicationForm), merged in with AddFieldErrors. Fields of
// the other kind of applicant (an ID number for an organisation) are not read.
ApplicationInput ParseApplicationForm(const FormFields& form, bool staff);
// Adds the validator's problems (the first one per field is kept).
void AddFieldErrors(ApplicationInput& input, const std::vector<application::FieldError>& errors);

// The template's model: values ("v"), errors ("err"), choices with the selected one marked, the
// error summary linking to each field, and what the receipt date means for each channel. `input`
// null: an empty form (staff: receipt date today, in person).
nlohmann::json ApplicationFormModel(const ApplicationInput* input, bool staff, Date today);

// One step of a case from its form on the case page: the date (a note is dated today), and what
// the kind needs (deadline, party, days, the event answered, fee method and quantity, outcome,
// text). Malformed input is InvalidArgument in Chinese; whether the step may happen is the
// service's decision.
Result<application::CaseEvent> ParseCaseEvent(const FormFields& form, application::EventKind kind,
                                              Date today);

// The HTML id of a field's input: "applicant.id_number" → "f-applicant-id_number".
std::string FieldId(const std::string& field);

}  // namespace gongkai::web
