#include "web/app/models.h"

#include "service/json_views.h"

namespace gongkai::web {

namespace {
// Mustache treats "" as true in sections; optional fields become null so {{#field}} hides them.
void NullIfEmpty(nlohmann::json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (j.contains(k) && j[k].is_string() && j[k].get<std::string>().empty()) j[k] = nullptr;
  }
}
}  // namespace

nlohmann::json AgencyModel(const Agency& a) {
  nlohmann::json j = service::ToJson(a);
  NullIfEmpty(j, {"region_code", "short_name"});
  NullIfEmpty(j["office"], {"address", "phone", "hours", "email"});
  j["level_label"] = std::string(Label(a.level));
  j["url"] = "/agencies/" + std::to_string(a.id);
  j["display_name"] = a.short_name.empty() ? a.name : a.short_name;
  for (auto& m : j["leading_group"]) {
    m["role_label"] = std::string(Label(ParseGroupRole(m["role"].get<std::string>()).value_or(GroupRole::kMember)));
  }
  j["has_group"] = !a.leading_group.empty();
  j["has_office"] = !a.office.name.empty();
  return j;
}

nlohmann::json TreeModel(const std::vector<service::AgencyNode>& nodes) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& n : nodes) {
    nlohmann::json j = AgencyModel(n.agency);
    j["depth"] = std::to_string(std::min(n.depth, 6));
    list.push_back(std::move(j));
  }
  return list;
}

nlohmann::json UserModel(const User& u, const std::string& agency_name) {
  nlohmann::json j = service::ToJson(u);
  j["role_label"] = std::string(Label(u.role));
  j["agency_name"] = agency_name;
  return j;
}

nlohmann::json AuditModel(const AuditEntry& e) {
  return {{"seq", std::to_string(e.seq)}, {"at", e.at},         {"actor", e.actor},
          {"action", e.action},           {"entity", e.entity}, {"rejected", e.action.ends_with(".rejected")}};
}

}  // namespace gongkai::web
