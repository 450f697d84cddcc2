#include "web/app/models.h"

#include <cstdio>

#include "core/date.h"
#include "core/terms.h"
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
    m["role_label"] = std::string(
        Label(ParseGroupRole(m["role"].get<std::string>()).value_or(GroupRole::kMember)));
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

// "2026-11-28T14:50:23.123Z" → "2026-11-28 22:50:23" (Beijing time, UTC+8, no daylight saving).
std::string BeijingTime(const std::string& utc) {
  auto date = Date::Parse(std::string_view(utc).substr(0, 10));
  int h = 0, m = 0, sec = 0;
  if (!date.ok() || utc.size() < 19 ||
      std::sscanf(utc.c_str() + 11, "%2d:%2d:%2d", &h, &m, &sec) != 3)
    return utc;
  h += 8;
  Date d = *date;
  if (h >= 24) {
    h -= 24;
    d = d.AddDays(1);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", d.ToString().c_str(), h, m, sec);
  return buf;
}

namespace {

// "user:4 cizhong.admin @127.0.0.1" → "cizhong.admin（127.0.0.1）"; "cli:root" → "命令行（root）".
std::string ActorLabel(const std::string& actor) {
  std::string who = actor, ip;
  if (size_t at = actor.find(" @"); at != std::string::npos) {
    who = actor.substr(0, at);
    ip = actor.substr(at + 2);
  }
  if (who.starts_with("user:")) {
    size_t sp = who.find(' ');
    who = sp == std::string::npos ? who : who.substr(sp + 1);
  } else if (who.starts_with("cli:")) {
    who = "命令行（" + who.substr(4) + "）";
  } else if (who == "public") {
    who = "公众";
  } else if (who == "system") {
    who = "系统";
  }
  return ip.empty() ? who : who + "（" + ip + "）";
}

std::string ActionLabel(const std::string& action) {
  bool rejected = action.ends_with(".rejected");
  std::string base = rejected ? action.substr(0, action.size() - 9) : action;
  const Term* t = FindTerm("audit_action." + base);
  std::string label = t ? std::string(t->zh) : base;
  return rejected ? label + "（被拒绝）" : label;
}

}  // namespace

nlohmann::json AuditModel(const AuditEntry& e) {
  return {{"seq", std::to_string(e.seq)},
          {"at", BeijingTime(e.at)},
          {"actor", ActorLabel(e.actor)},
          {"action", ActionLabel(e.action)},
          {"action_code", e.action},
          {"entity", e.entity},
          {"rejected", e.action.ends_with(".rejected")}};
}

}  // namespace gongkai::web
