// View models: domain values as the JSON the templates and the API read. Labels come from
// core/terms.
#pragma once

#include <nlohmann/json.hpp>

#include "core/agency.h"
#include "core/audit.h"
#include "core/user.h"
#include "service/agency_service.h"

namespace gongkai::web {

nlohmann::json AgencyModel(const Agency& a);
nlohmann::json TreeModel(const std::vector<service::AgencyNode>& nodes);
nlohmann::json UserModel(const User& u, const std::string& agency_name);
nlohmann::json AuditModel(const AuditEntry& e);
// "2026-11-28T14:50:23.123Z" → "2026-11-28 22:50:23" (Beijing time); the input itself if
// unparsable.
std::string BeijingTime(const std::string& utc);

}  // namespace gongkai::web
