// JSON forms of domain values, shared by the audit log (before/after) and the JSON API so both show
// the same fields. Secrets (password hashes) never appear.
#pragma once

#include <nlohmann/json.hpp>

#include "core/agency.h"
#include "core/application/application.h"
#include "core/calendar.h"
#include "core/disclosure/decision_figures.h"
#include "core/disclosure/normative_document.h"
#include "core/litigation/review_case.h"
#include "core/user.h"

namespace gongkai::service {

nlohmann::json ToJson(const Agency& agency);
nlohmann::json ToJson(const User& user);
nlohmann::json ToJson(const CalendarYear& year);
nlohmann::json ToJson(const application::CaseEvent& event);
// The case with its applicant and request; events are not included (the audit log has them).
nlohmann::json ToJson(const application::Application& app);
nlohmann::json ToJson(const litigation::ReviewCase& c);
nlohmann::json ToJson(const disclosure::NormativeDocument& d);
nlohmann::json ToJson(const disclosure::DecisionFigures& f);
// Compact, key-sorted, invalid UTF-8 replaced: stable bytes for hashing.
std::string Dump(const nlohmann::json& j);

}  // namespace gongkai::service
