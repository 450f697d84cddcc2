#include "service/json_views.h"

namespace gongkai::service {

nlohmann::json ToJson(const Agency& a) {
  nlohmann::json group = nlohmann::json::array();
  for (const auto& m : a.leading_group) {
    group.push_back({{"name", m.name}, {"post", m.post}, {"role", Code(m.role)}});
  }
  return {
      {"id", a.id},
      {"parent_id", a.parent_id ? nlohmann::json(*a.parent_id) : nlohmann::json(nullptr)},
      {"level", Code(a.level)},
      {"name", a.name},
      {"short_name", a.short_name},
      {"region_code", a.region_code},
      {"office",
       {{"name", a.office.name},
        {"address", a.office.address},
        {"phone", a.office.phone},
        {"hours", a.office.hours},
        {"email", a.office.email}}},
      {"leading_group", group},
      {"version", a.version},
  };
}

nlohmann::json ToJson(const User& u) {
  return {{"id", u.id},           {"username", u.username},   {"display_name", u.display_name},
          {"role", Code(u.role)}, {"agency_id", u.agency_id}, {"active", u.active},
          {"version", u.version}};
}

nlohmann::json ToJson(const CalendarYear& y) {
  nlohmann::json holidays = nlohmann::json::array(), makeup = nlohmann::json::array();
  for (const auto& h : y.holidays) {
    holidays.push_back(
        {{"first", h.first.ToString()}, {"last", h.last.ToString()}, {"name", h.name}});
  }
  for (const auto& m : y.makeup_days)
    makeup.push_back({{"date", m.date.ToString()}, {"name", m.name}});
  return {{"year", y.year}, {"source", y.source}, {"holidays", holidays}, {"makeup_days", makeup}};
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gongkai::service
