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

namespace {

nlohmann::json OptDate(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToString()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ToJson(const application::CaseEvent& e) {
  using application::EventKind;
  nlohmann::json j = {{"seq", e.seq},
                      {"kind", Code(e.kind)},
                      {"date", e.date.ToString()},
                      {"recorded_at", e.recorded_at},
                      {"by", e.by}};
  if (e.ref) j["ref"] = e.ref;
  if (e.days) j["days"] = e.days;
  if (e.until) j["until"] = e.until->ToString();
  if (!e.party.empty()) {
    j["party"] = e.party;
    j["consultation"] = Code(e.consultation);
  }
  if (e.kind == EventKind::kFeeNoticeIssued) {
    j["fee_method"] = Code(e.fee_method);
    j["quantity"] = e.quantity;
    j["amount_fen"] = e.amount_fen;
  }
  if (e.outcome) j["outcome"] = Code(*e.outcome);
  if (!e.text.empty()) j["text"] = e.text;
  return j;
}

nlohmann::json ToJson(const application::Application& a) {
  const application::Applicant& p = a.applicant;
  const application::RequestedInfo& r = a.request;
  return {{"id", a.id},
          {"agency_id", a.agency_id},
          {"query_code", a.query_code},
          {"serial", {{"year", a.serial_year}, {"no", a.serial_no}}},
          {"channel", Code(a.channel)},
          {"submitted_on", OptDate(a.submitted_on)},
          {"receipt_date", OptDate(a.receipt_date)},
          {"applicant",
           {{"type", Code(p.type)},
            {"name", p.name},
            {"id_type", Code(p.id_type)},
            {"id_number", p.id_number},
            {"credit_code", p.credit_code},
            {"legal_representative", p.legal_representative},
            {"contact_name", p.contact_name},
            {"phone", p.phone},
            {"email", p.email},
            {"address", p.address},
            {"postcode", p.postcode}}},
          {"request",
           {{"title", r.title},
            {"document_number", r.document_number},
            {"description", r.description},
            {"purpose", r.purpose},
            {"form", Code(r.form)},
            {"way", Code(r.way)}}},
          {"handler_id", a.handler_id},
          {"state", Code(a.state)},
          {"outcome", a.outcome ? nlohmann::json(Code(*a.outcome)) : nlohmann::json(nullptr)},
          {"closed_on", OptDate(a.closed_on)},
          {"version", a.version}};
}

nlohmann::json ToJson(const litigation::ReviewCase& c) {
  return {{"id", c.id},
          {"agency_id", c.agency_id},
          {"application_id", c.application_id},
          {"kind", Code(c.kind)},
          {"role", Code(c.role)},
          {"decision", c.decision},
          {"applicant", c.applicant},
          {"body", c.body},
          {"case_number", c.case_number},
          {"filed_on", c.filed_on.ToString()},
          {"result", Code(c.result)},
          {"result_on", OptDate(c.result_on)},
          {"note", c.note},
          {"version", c.version}};
}

nlohmann::json ToJson(const disclosure::NormativeDocument& d) {
  return {{"id", d.id},
          {"agency_id", d.agency_id},
          {"kind", Code(d.kind)},
          {"title", d.title},
          {"number", d.number},
          {"made_on", d.made_on.ToString()},
          {"repealed_on", OptDate(d.repealed_on)},
          {"note", d.note},
          {"version", d.version}};
}

nlohmann::json ToJson(const disclosure::DecisionFigures& f) {
  return {{"id", f.id},
          {"agency_id", f.agency_id},
          {"year", f.year},
          {"licensing", f.licensing},
          {"penalty", f.penalty},
          {"coercion", f.coercion},
          {"fee_fen", f.fee_fen},
          {"version", f.version}};
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gongkai::service
