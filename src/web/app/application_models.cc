#include "web/app/application_models.h"

#include "core/application/case_state.h"
#include "core/application/fees.h"
#include "core/application/rules.h"
#include "web/app/models.h"

namespace gongkai::web {

namespace app = application;
using app::CaseEvent;
using app::EventKind;

namespace {

std::string S(std::string_view v) { return std::string(v); }

std::string Iso(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string WeekdayZh(Date d) {
  static constexpr const char* kNames[] = {"一", "二", "三", "四", "五", "六", "日"};
  return std::string("星期") + kNames[static_cast<int>(d.weekday()) - 1];
}

// The first n characters (code points) of s, with "…" when cut.
std::string Clip(const std::string& s, size_t n) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars++ == n) return s.substr(0, i) + "…";
  }
  return s;
}

// Text without its closing punctuation, to be joined with "；".
std::string Clause(const std::string& text) {
  std::string s = text;
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view p : {"。", "；", ";", ".", " "}) {
      if (s.size() >= p.size() && s.ends_with(p)) {
        s.resize(s.size() - p.size());
        cut = true;
      }
    }
  }
  return s;
}

const CaseEvent* FindEvent(const app::Application& a, int seq) {
  for (const CaseEvent& e : a.events) {
    if (e.seq == seq) return &e;
  }
  return nullptr;
}

}  // namespace

std::string LongDate(const std::optional<Date>& d) {
  return d ? d->ToChinese() + "（" + WeekdayZh(*d) + "）" : "";
}

std::string SerialText(const app::Application& a) {
  return "〔" + std::to_string(a.serial_year) + "〕" + std::to_string(a.serial_no) + "号";
}

std::string DaysLeftText(std::optional<int> days_left) {
  if (!days_left) return "";
  if (*days_left > 0) return "剩余" + std::to_string(*days_left) + "个工作日";
  if (*days_left == 0) return "今天到期";
  return "逾期" + std::to_string(-*days_left) + "个工作日";
}

namespace {

// The due column of a list: the due date while the clock runs, else where the clock stands.
nlohmann::json DueModel(const app::Application& a, const app::Deadline& d,
                        std::optional<int> days_left) {
  std::string date, note, cls;
  switch (d.status) {
    case app::ClockStatus::kNotStarted:
      note = "待确认收到后起算";
      break;
    case app::ClockStatus::kRunning:
      date = Iso(d.due);
      note = DaysLeftText(days_left);
      cls = !days_left ? "" : *days_left < 0 ? "overdue" : *days_left <= 5 ? "soon" : "ok";
      break;
    case app::ClockStatus::kPaused:
      note = "暂停计时，恢复后剩余" + std::to_string(d.remaining_days) + "个工作日";
      cls = "paused";
      break;
    case app::ClockStatus::kAwaitingCorrection:
      note = "待补正，收到补正后重新起算";
      cls = "paused";
      break;
    case app::ClockStatus::kStopped:
      note = a.closed_on ? a.closed_on->ToString() + "已答复" : "已答复";
      if (d.late_days > 0) {
        note += "，超期" + std::to_string(d.late_days) + "个工作日";
        cls = "overdue";
      }
      break;
  }
  return {{"date", date},
          {"note", note},
          {"cls", cls},
          {"provisional", d.provisional && d.status != app::ClockStatus::kStopped},
          {"overdue", days_left && *days_left < 0}};
}

}  // namespace

nlohmann::json ApplicationLineModel(const service::ApplicationLine& line,
                                    const std::string& agency_name) {
  const app::Application& a = line.app;
  std::string request = !a.request.title.empty() ? a.request.title : a.request.description;
  return {{"id", a.id},
          {"url", "/admin/applications/" + std::to_string(a.id)},
          {"serial", SerialText(a)},
          {"agency", agency_name},
          {"received", Iso(a.receipt_date)},
          {"submitted", a.receipt_date ? "" : Iso(a.submitted_on)},
          {"channel", S(app::Label(a.channel))},
          {"applicant", a.applicant.name},
          {"applicant_type", S(app::Label(a.applicant.type))},
          {"request", Clip(request, 40)},
          {"request_full", request},
          {"state", S(app::Label(a.state))},
          {"state_code", S(app::Code(a.state))},
          {"extension_pending", line.extension_pending},
          {"due", DueModel(a, line.deadline, line.days_left)},
          {"handler", a.handler_name}};
}

nlohmann::json ClockModel(const app::Deadline& d, std::optional<int> days_left, bool with_steps) {
  nlohmann::json consultations = nlohmann::json::array();
  for (const app::ConsultationClock& c : d.consultations) {
    consultations.push_back({{"kind", S(app::Label(c.kind))},
                             {"party", with_steps ? c.party : ""},
                             {"sent", c.sent.ToString()},
                             {"reply_due", c.reply_due.ToString()},
                             {"answered", Iso(c.answered)},
                             {"paused_days", c.paused_days}});
  }
  nlohmann::json steps = nlohmann::json::array();
  if (with_steps) {
    for (const app::DeadlineStep& s : d.steps) {
      steps.push_back({{"date", s.date.ToString()}, {"text", s.text}});
    }
  }
  return {{"status", S(app::Label(d.status))},
          {"status_code", S(app::Code(d.status))},
          {"running", d.status == app::ClockStatus::kRunning},
          {"due", Iso(d.due)},
          {"due_long", LongDate(d.due)},
          {"days_text", DaysLeftText(days_left)},
          {"overdue", days_left && *days_left < 0},
          {"provisional", d.provisional},
          {"day0", Iso(d.day0)},
          {"base_days", d.base_days},
          {"extension_days", d.extension_days},
          {"has_extension", d.extension_days > 0},
          {"paused_days", d.paused_days},
          {"has_paused_days", d.paused_days > 0},
          {"paused", d.status == app::ClockStatus::kPaused},
          {"paused_since", Iso(d.paused_since)},
          {"remaining_days", d.remaining_days},
          {"awaiting_correction", d.status == app::ClockStatus::kAwaitingCorrection},
          {"correction_notice_due", Iso(d.correction_notice_due)},
          {"correction_notice_late", d.correction_notice_late},
          {"applicant_correction_due", Iso(d.applicant_correction_due)},
          {"payment_due", Iso(d.payment_due)},
          {"consultations", consultations},
          {"has_consultations", !consultations.empty()},
          {"answered_on", Iso(d.answered_on)},
          {"late_days", d.late_days},
          {"late", d.late_days > 0},
          {"steps", steps},
          {"has_steps", !steps.empty()}};
}

nlohmann::json EventModel(const CaseEvent& e, const app::Application& a) {
  std::string details;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!details.empty()) details = Clause(details) + "；";
    details += s;
  };
  switch (e.kind) {
    case EventKind::kSubmittedOnline:
      break;
    case EventKind::kReceived:
      add(S(app::Label(a.channel)) + "，以" + S(app::ReceiptMeaning(a.channel)) + "为收到申请之日");
      break;
    case EventKind::kCorrectionRequested:
      add("需补正：" + e.text);
      if (e.until) add("补正期限：" + e.until->ToString());
      break;
    case EventKind::kConsultationSent:
      add(e.party.empty() ? S(app::Label(e.consultation))
                          : S(app::Label(e.consultation)) + "：" + e.party);
      add(e.text);
      break;
    case EventKind::kConsultationAnswered: {
      const CaseEvent* sent = FindEvent(a, e.ref);
      if (sent && !sent->party.empty()) add(sent->party + "的答复");
      add(e.text);
      break;
    }
    case EventKind::kExtensionRequested:
      add("延长" + std::to_string(e.days) + "个工作日");
      add(e.text.empty() ? "" : "理由：" + e.text);
      break;
    case EventKind::kFeeNoticeIssued:
      add(S(app::Label(e.fee_method)) + "，" + std::to_string(e.quantity) +
          (e.fee_method == app::FeeMethod::kPerItem ? "件" : "页") + "，金额" +
          app::FormatYuan(e.amount_fen));
      add(e.text);
      break;
    case EventKind::kClosed:
      if (e.outcome) add(S(app::Label(*e.outcome)));
      add(e.text);
      break;
    case EventKind::kCorrectionReceived:
    case EventKind::kExtensionApproved:
    case EventKind::kExtensionRefused:
    case EventKind::kFeePaid:
    case EventKind::kNote:
      add(e.text);
      break;
  }
  return {{"seq", e.seq},
          {"date", e.date.ToString()},
          {"label", S(app::Label(e.kind))},
          {"kind", S(app::Code(e.kind))},
          {"by", e.by},
          {"details", details}};
}

nlohmann::json OutcomeGroups(std::optional<app::Outcome> selected) {
  // Table 三's result rows: (一) 予以公开, (二) 部分公开, (三) 不予公开, (四) 无法提供,
  // (五) 不予处理, (六) 其他处理. The group is the code's first part.
  static constexpr std::pair<const char*, const char*> kGroups[] = {
      {"granted", "（一）予以公开"}, {"partial", "（二）部分公开"},  {"withheld", "（三）不予公开"},
      {"unable", "（四）无法提供"},  {"rejected", "（五）不予处理"}, {"other", "（六）其他处理"}};
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& [prefix, label] : kGroups) {
    nlohmann::json options = nlohmann::json::array();
    for (app::Outcome o : app::kAllOutcomes) {
      std::string code = S(app::Code(o));
      if (code.substr(0, code.find('.')) != prefix) continue;
      std::string name = S(app::Label(o));
      if (size_t colon = name.find("："); colon != std::string::npos) {
        name = name.substr(colon + std::string("：").size());
      }
      std::string basis = S(app::OutcomeBasis(o));
      options.push_back({{"code", code},
                         {"label", name},
                         {"basis", basis},
                         {"text", basis.empty() ? name : name + "（" + basis + "）"},
                         {"selected", selected == o}});
    }
    groups.push_back({{"label", label}, {"options", options}});
  }
  return groups;
}

nlohmann::json CasePageModel(const service::ApplicationView& v, const CasePageContext& ctx) {
  const app::Application& a = v.app;
  const bool can_handle = RoleAllows(ctx.user->role, Permission::kHandleApplications);
  const bool closed = a.state == app::CaseState::kClosed;
  const app::ProcedureRules& rules =
      a.receipt_date ? app::RulesFor(*a.receipt_date) : app::CurrentRules();

  nlohmann::json applicant = {{"type", S(app::Label(a.applicant.type))},
                              {"is_organisation", app::IsOrganisation(a.applicant.type)},
                              {"name", a.applicant.name},
                              {"id_type", S(app::Label(a.applicant.id_type))},
                              {"id_number", a.applicant.id_number},
                              {"credit_code", a.applicant.credit_code},
                              {"legal_representative", a.applicant.legal_representative},
                              {"contact_name", a.applicant.contact_name},
                              {"phone", a.applicant.phone},
                              {"email", a.applicant.email},
                              {"address", a.applicant.address},
                              {"postcode", a.applicant.postcode}};
  nlohmann::json request = {{"title", a.request.title},
                            {"document_number", a.request.document_number},
                            {"description", a.request.description},
                            {"purpose", a.request.purpose},
                            {"form", S(app::Label(a.request.form))},
                            {"way", S(app::Label(a.request.way))}};
  nlohmann::json duplicates = nlohmann::json::array();
  for (const app::Application& d : v.duplicates) {
    duplicates.push_back({{"url", "/admin/applications/" + std::to_string(d.id)},
                          {"serial", SerialText(d)},
                          {"received", Iso(d.receipt_date ? d.receipt_date : d.submitted_on)},
                          {"state", S(app::Label(d.state))},
                          {"outcome", d.outcome ? S(app::Label(*d.outcome)) : ""}});
  }
  nlohmann::json events = nlohmann::json::array();
  for (const CaseEvent& e : a.events) events.push_back(EventModel(e, a));
  nlohmann::json reviews = nlohmann::json::array();
  for (const litigation::ReviewCase& c : v.review_cases) {
    reviews.push_back({{"url", "/admin/review-cases/" + std::to_string(c.id)},
                       {"kind", S(litigation::Label(c.kind))},
                       {"case_number", c.case_number},
                       {"filed_on", c.filed_on.ToString()},
                       {"result", S(litigation::Label(c.result))},
                       {"result_on", Iso(c.result_on)}});
  }

  nlohmann::json actions = StepFormsModel(v, ctx);

  nlohmann::json clock = ClockModel(v.deadline, v.days_left, true);
  // The 7-day notice deadline matters only until a correction is asked for.
  if (app::OpenItemsOf(a).correction_requested_ever || a.state != app::CaseState::kHandling) {
    clock["correction_notice_due"] = "";
  }
  clock["notice_days"] = rules.correction_notice_days;
  clock["payment_days"] = rules.payment_days;
  return {{"id", a.id},
          {"url", "/admin/applications/" + std::to_string(a.id)},
          {"serial", SerialText(a)},
          {"version", a.version},
          {"state", S(app::Label(a.state))},
          {"state_code", S(app::Code(a.state))},
          {"is_closed", closed},
          {"outcome", a.outcome ? S(app::Label(*a.outcome)) : ""},
          {"agency", v.agency.name},
          {"channel", S(app::Label(a.channel))},
          {"receipt_meaning", S(app::ReceiptMeaning(a.channel))},
          {"receipt_date", Iso(a.receipt_date)},
          {"submitted_on", Iso(a.submitted_on)},
          {"created_at", BeijingTime(a.created_at)},
          {"query_code", service::FormatQueryCode(a.query_code)},
          {"handler", a.handler_name},
          {"extension_pending", v.extension_pending},
          {"applicant", applicant},
          {"request", request},
          {"duplicates", duplicates},
          {"has_duplicates", !duplicates.empty()},
          {"clock", clock},
          {"events", events},
          {"review_cases", reviews},
          {"has_review_cases", !reviews.empty()},
          {"can_handle", can_handle},
          {"actions", actions},
          {"has_actions", !actions.empty()}};
}

nlohmann::json PublicStatusModel(const service::PublicStatus& s) {
  const app::Application& a = s.app;
  nlohmann::json events = nlohmann::json::array();
  std::string reply;
  for (const CaseEvent& e : a.events) {
    nlohmann::json ev = {{"date", e.date.ToString()}, {"label", S(app::Label(e.kind))}};
    std::string details;
    switch (e.kind) {
      case EventKind::kCorrectionRequested:
        details = "需补正：" + Clause(e.text) +
                  (e.until ? "；请于" + e.until->ToChinese() + "前补正" : "");
        break;
      case EventKind::kExtensionApproved:
        details = "答复期限依法延长";
        break;
      case EventKind::kFeeNoticeIssued:
        details = "金额" + app::FormatYuan(e.amount_fen);
        break;
      case EventKind::kClosed:
        details = e.outcome ? S(app::Label(*e.outcome)) : "";
        reply = e.text;
        break;
      case EventKind::kSubmittedOnline:
      case EventKind::kReceived:
      case EventKind::kCorrectionReceived:
      case EventKind::kConsultationSent:
      case EventKind::kConsultationAnswered:
      case EventKind::kExtensionRequested:
      case EventKind::kExtensionRefused:
      case EventKind::kFeePaid:
      case EventKind::kNote:
        break;
    }
    ev["details"] = details;
    events.push_back(ev);
  }
  const app::Deadline& d = s.deadline;
  std::string due_note;
  switch (d.status) {
    case app::ClockStatus::kNotStarted:
      due_note = "工作人员确认收到申请后开始计算答复期限。";
      break;
    case app::ClockStatus::kRunning:
      break;
    case app::ClockStatus::kPaused:
      due_note = "征求意见或等待缴费期间暂停计时（《政府信息公开条例》第三十三条）。";
      break;
    case app::ClockStatus::kAwaitingCorrection:
      due_note = "等待您补正申请；收到补正后的申请之日起重新计算答复期限（第三十条）。";
      break;
    case app::ClockStatus::kStopped:
      break;
  }
  return {{"agency", s.agency.name},
          {"agency_url", "/agencies/" + std::to_string(s.agency.id)},
          {"serial", SerialText(a)},
          {"state", S(app::Label(a.state))},
          {"state_code", S(app::Code(a.state))},
          {"closed", a.state == app::CaseState::kClosed},
          {"submitted_on", Iso(a.submitted_on)},
          {"receipt_date", Iso(a.receipt_date)},
          {"due", Iso(d.due)},
          {"due_long", LongDate(d.due)},
          {"provisional", d.provisional},
          {"due_note", due_note},
          {"answered_on", Iso(a.closed_on)},
          {"outcome", a.outcome ? S(app::Label(*a.outcome)) : ""},
          {"outcome_basis", a.outcome ? S(app::OutcomeBasis(*a.outcome)) : ""},
          {"reply", reply},
          {"title", a.request.title.empty() ? a.request.description : a.request.title},
          {"events", events}};
}

}  // namespace gongkai::web
