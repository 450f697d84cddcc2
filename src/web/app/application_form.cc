#include "web/app/application_form.h"

namespace gongkai::web {

namespace app = application;

namespace {

struct FieldDef {
  const char* name;
  const char* label;
  bool staff_only;
};

// In the order the form shows them (the error summary follows it).
constexpr FieldDef kFields[] = {
    {"channel", "申请方式", true},
    {"receipt_date", "收到申请之日", true},
    {"applicant.type", "申请人类型", false},
    {"applicant.name", "姓名或名称", false},
    {"applicant.id_type", "证件类型", false},
    {"applicant.id_number", "证件号码", false},
    {"applicant.credit_code", "统一社会信用代码", false},
    {"applicant.legal_representative", "法定代表人或负责人", false},
    {"applicant.contact_name", "联系人", false},
    {"applicant.phone", "联系电话", false},
    {"applicant.email", "电子邮箱", false},
    {"applicant.address", "通信地址", false},
    {"applicant.postcode", "邮政编码", false},
    {"request.title", "所需政府信息的名称", false},
    {"request.document_number", "文号", false},
    {"request.description", "所需政府信息的内容描述", false},
    {"request.purpose", "用途", false},
    {"request.form", "获取信息的形式", false},
    {"request.way", "获取信息的方式", false},
};

nlohmann::json::json_pointer Pointer(const std::string& field) {
  std::string p = "/" + field;
  for (char& c : p) {
    if (c == '.') c = '/';
  }
  return nlohmann::json::json_pointer(p);
}

template <class E, size_t N>
nlohmann::json Choices(const std::array<E, N>& all, E selected) {
  nlohmann::json list = nlohmann::json::array();
  for (E e : all) {
    list.push_back({{"code", std::string(app::Code(e))},
                    {"label", std::string(app::Label(e))},
                    {"selected", e == selected}});
  }
  return list;
}

}  // namespace

namespace {

Result<Date> DateField(const FormFields& form, const char* name, const char* label) {
  const std::string& text = form.Get(name);
  if (text.empty()) {
    return InvalidArgument(std::string(name) + ": missing", std::string("请填写") + label);
  }
  auto d = Date::Parse(text);
  if (!d.ok()) {
    return InvalidArgument(std::string(name) + ": malformed date",
                           std::string(label) + "格式应为“2026-01-31”");
  }
  return *d;
}

// A whole number in [1, max]; full-width digits are not expected from number inputs.
Result<int> IntField(const FormFields& form, const char* name, const char* label, int max) {
  const std::string& text = form.Get(name);
  int value = 0;
  bool ok = !text.empty() && text.size() <= 9;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) value = value * 10 + (c - '0');
  }
  if (!ok || value < 1 || value > max) {
    return InvalidArgument(std::string(name) + ": not a number in range",
                           std::string(label) + "应为1至" + std::to_string(max) + "之间的整数");
  }
  return value;
}

}  // namespace

Result<app::CaseEvent> ParseCaseEvent(const FormFields& form, app::EventKind kind, Date today) {
  app::CaseEvent e;
  e.kind = kind;
  e.text = form.Get("text");
  if (kind == app::EventKind::kNote) {
    e.date = today;
    return e;
  }
  GK_ASSIGN_OR_RETURN(e.date, DateField(form, "date", "日期"));
  switch (kind) {
    case app::EventKind::kCorrectionRequested: {
      GK_ASSIGN_OR_RETURN(Date until, DateField(form, "until", "补正期限"));
      e.until = until;
      break;
    }
    case app::EventKind::kConsultationSent: {
      auto k = app::ParseConsultationKind(form.Get("consultation"));
      if (!k) return InvalidArgument("consultation: unknown kind", "请选择征求意见的类型");
      e.consultation = *k;
      e.party = form.Get("party");
      break;
    }
    case app::EventKind::kConsultationAnswered:
    case app::EventKind::kExtensionApproved:
    case app::EventKind::kExtensionRefused:
    case app::EventKind::kFeePaid: {
      GK_ASSIGN_OR_RETURN(e.ref, IntField(form, "ref", "对应的记录", 1000000));
      break;
    }
    case app::EventKind::kExtensionRequested: {
      GK_ASSIGN_OR_RETURN(e.days, IntField(form, "days", "延长的工作日数", 1000));
      break;
    }
    case app::EventKind::kFeeNoticeIssued: {
      auto m = app::ParseFeeMethod(form.Get("fee_method"));
      if (!m) return InvalidArgument("fee_method: unknown", "请选择计收方式");
      e.fee_method = *m;
      GK_ASSIGN_OR_RETURN(e.quantity, IntField(form, "quantity", "计费数量", 100000));
      break;
    }
    case app::EventKind::kClosed: {
      auto o = app::ParseOutcome(form.Get("outcome"));
      if (!o) return InvalidArgument("outcome: missing", "请选择答复结果（处理结果类型）");
      e.outcome = *o;
      break;
    }
    case app::EventKind::kSubmittedOnline:
    case app::EventKind::kReceived:
    case app::EventKind::kCorrectionReceived:
    case app::EventKind::kNote:
      break;
  }
  return e;
}

std::string FieldId(const std::string& field) {
  std::string id = "f-" + field;
  for (char& c : id) {
    if (c == '.') c = '-';
  }
  return id;
}

ApplicationInput ParseApplicationForm(const FormFields& form, bool staff) {
  ApplicationInput in;
  for (const FieldDef& f : kFields) {
    if (f.staff_only && !staff) continue;
    in.raw[f.name] = form.Get(f.name);
  }
  auto error = [&](const std::string& field, std::string message) {
    in.errors.emplace(field, std::move(message));
  };
  app::Application& a = in.app;
  if (staff) {
    if (auto c = app::ParseIntakeChannel(in.raw["channel"])) {
      a.channel = *c;
    } else {
      error("channel", "请选择申请方式");
    }
    const std::string& date = in.raw["receipt_date"];
    if (date.empty()) {
      error("receipt_date", "请填写收到申请之日（第三十一条）");
    } else if (auto d = Date::Parse(date); d.ok()) {
      a.receipt_date = *d;
    } else {
      error("receipt_date", "日期格式应为“2026-01-31”");
    }
  }
  if (auto t = app::ParseApplicantType(in.raw["applicant.type"])) {
    a.applicant.type = *t;
  } else {
    error("applicant.type", "请选择申请人类型");
  }
  const bool organisation = app::IsOrganisation(a.applicant.type);
  a.applicant.name = in.raw["applicant.name"];
  if (!organisation) {
    if (auto t = app::ParseIdDocumentType(in.raw["applicant.id_type"])) {
      a.applicant.id_type = *t;
    } else {
      error("applicant.id_type", "请选择证件类型");
    }
    a.applicant.id_number = in.raw["applicant.id_number"];
  } else {
    a.applicant.credit_code = in.raw["applicant.credit_code"];
    a.applicant.legal_representative = in.raw["applicant.legal_representative"];
    a.applicant.contact_name = in.raw["applicant.contact_name"];
  }
  a.applicant.phone = in.raw["applicant.phone"];
  a.applicant.email = in.raw["applicant.email"];
  a.applicant.address = in.raw["applicant.address"];
  a.applicant.postcode = in.raw["applicant.postcode"];
  a.request.title = in.raw["request.title"];
  a.request.document_number = in.raw["request.document_number"];
  a.request.description = in.raw["request.description"];
  a.request.purpose = in.raw["request.purpose"];
  if (auto f = app::ParseDeliveryForm(in.raw["request.form"])) {
    a.request.form = *f;
  } else {
    error("request.form", "请选择获取信息的形式");
  }
  if (auto w = app::ParseDeliveryWay(in.raw["request.way"])) {
    a.request.way = *w;
  } else {
    error("request.way", "请选择获取信息的方式");
  }
  return in;
}

void AddFieldErrors(ApplicationInput& input, const std::vector<app::FieldError>& errors) {
  for (const app::FieldError& e : errors) input.errors.emplace(e.field, e.zh);
}

nlohmann::json ApplicationFormModel(const ApplicationInput* input, bool staff, Date today) {
  app::Application blank;
  blank.receipt_date = today;
  const app::Application& a = input ? input->app : blank;
  nlohmann::json v = nlohmann::json::object();
  nlohmann::json err = nlohmann::json::object();
  nlohmann::json summary = nlohmann::json::array();
  for (const FieldDef& f : kFields) {
    if (f.staff_only && !staff) continue;
    std::string value;
    if (input) {
      if (auto it = input->raw.find(f.name); it != input->raw.end()) value = it->second;
    } else if (std::string_view(f.name) == "receipt_date") {
      value = today.ToString();
    }
    v[Pointer(f.name)] = value;
    err[Pointer(f.name)] = nullptr;
    if (!input) continue;
    if (auto it = input->errors.find(f.name); it != input->errors.end()) {
      err[Pointer(f.name)] = it->second;
      summary.push_back({{"id", FieldId(f.name)}, {"label", f.label}, {"message", it->second}});
    }
  }
  // Problems of fields the form does not show (none expected) still reach the summary.
  if (input) {
    for (const auto& [field, message] : input->errors) {
      bool shown = false;
      for (const FieldDef& f : kFields)
        shown = shown || (field == f.name && (staff || !f.staff_only));
      if (!shown) summary.push_back({{"id", ""}, {"label", ""}, {"message", message}});
    }
  }
  nlohmann::json channels = nlohmann::json::array();
  for (app::IntakeChannel c : app::kAllIntakeChannels) {
    channels.push_back({{"code", std::string(app::Code(c))},
                        {"label", std::string(app::Label(c))},
                        {"meaning", std::string(app::ReceiptMeaning(c))},
                        {"selected", c == a.channel}});
  }
  nlohmann::json persons = nlohmann::json::array(), organisations = nlohmann::json::array();
  for (app::ApplicantType t : app::kAllApplicantTypes) {
    nlohmann::json choice = {{"code", std::string(app::Code(t))},
                             {"label", std::string(app::Label(t))},
                             {"selected", t == a.applicant.type}};
    (app::IsOrganisation(t) ? organisations : persons).push_back(choice);
  }
  const bool organisation = app::IsOrganisation(a.applicant.type);
  return {{"staff", staff},
          {"v", v},
          {"err", err},
          {"errors", summary},
          {"has_errors", !summary.empty()},
          {"channels", channels},
          {"receipt_meaning", std::string(app::ReceiptMeaning(a.channel))},
          {"person_types", persons},
          {"organisation_types", organisations},
          {"is_organisation", organisation},
          {"id_types", Choices(app::kAllIdDocumentTypes, a.applicant.id_type)},
          {"forms", Choices(app::kAllDeliveryForms, a.request.form)},
          {"ways", Choices(app::kAllDeliveryWays, a.request.way)}};
}

}  // namespace gongkai::web
