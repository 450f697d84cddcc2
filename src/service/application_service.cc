#include "service/application_service.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/application/case_state.h"
#include "core/application/duplicates.h"
#include "core/application/fees.h"
#include "core/application/identity.h"
#include "core/application/rules.h"
#include "core/text.h"
#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/crypto.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

using application::Application;
using application::CaseEvent;
using application::EventKind;

namespace {

std::string Entity(int64_t id) { return "application:" + std::to_string(id); }

Status Stale(const Application& app, int64_t version) {
  if (app.version == version) return OkStatus();
  return Aborted("application " + std::to_string(app.id) +
                     " was changed by someone else (version " + std::to_string(app.version) +
                     ", you had " + std::to_string(version) + "); reload and retry",
                 "该申请已被他人办理或修改，请刷新页面后重试（您的输入已保留）");
}

// Clears what the form may not set: the snapshot and history are the service's.
Application CleanForm(Application form) {
  form.id = 0;
  form.query_code.clear();
  form.events.clear();
  form.outcome.reset();
  form.closed_on.reset();
  form.version = 0;
  form.serial_no = 0;
  auto trim = [](std::string& s) { s = std::string(TrimAscii(s)); };
  for (std::string* s :
       {&form.applicant.name, &form.applicant.id_number, &form.applicant.credit_code,
        &form.applicant.legal_representative, &form.applicant.contact_name, &form.applicant.phone,
        &form.applicant.email, &form.applicant.address, &form.applicant.postcode,
        &form.request.title, &form.request.document_number, &form.request.description,
        &form.request.purpose}) {
    trim(*s);
  }
  // A person has no credit code and an organisation no personal document: drop what does not apply.
  if (application::IsOrganisation(form.applicant.type)) {
    form.applicant.id_number.clear();
  } else {
    form.applicant.credit_code.clear();
    form.applicant.legal_representative.clear();
  }
  return form;
}

// Uppercase hex without separators; 20 characters (80 random bits).
std::string NewQueryCode() {
  std::string hex = RandomHex(10);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex;
}

bool ExtensionPending(const Application& app) {
  return app.state != application::CaseState::kClosed &&
         application::OpenItemsOf(app).extension_request != nullptr;
}

// 109号: per item counts the applicant's items in the calendar month of receipt at this agency
// (each earlier application one item, or the items its own per-item notice counted).
Result<ApplicationService::FeeQuote> QuoteIn(storage::Transaction& tx, const Application& app,
                                             application::FeeMethod method, int quantity, Date on) {
  if (quantity < 1 || quantity > 100000) {
    return InvalidArgument("quantity: must be 1 to 100000", "计费数量应为1至100000");
  }
  const Date receipt = app.receipt_date.value_or(on);
  const application::FeeRules& rules = application::RulesFor(receipt).fees;
  ApplicationService::FeeQuote q;
  if (method == application::FeeMethod::kPerVolume) {
    q.amount_fen = application::PerVolumeFeeFen(rules, quantity);
    q.explanation = application::ExplainPerVolumeFee(rules, quantity);
    return q;
  }
  storage::ApplicationFilter f;
  f.agency_ids = {app.agency_id};
  f.applicant_key = app.applicant_key;
  f.received_from = Date::FromYmd(receipt.year(), receipt.month(), 1).value();
  f.received_through = receipt;
  f.with_events = true;
  f.limit = 100000;
  GK_ASSIGN_OR_RETURN(std::vector<Application> same, tx.ListApplications(f));
  for (const Application& a : same) {
    if (a.id == app.id || (*a.receipt_date == receipt && a.id > app.id)) continue;
    int items = 1;
    for (const CaseEvent& e : a.events) {
      if (e.kind == EventKind::kFeeNoticeIssued &&
          e.fee_method == application::FeeMethod::kPerItem) {
        items = e.quantity;
      }
    }
    q.items_before += items;
  }
  q.amount_fen = application::PerItemFeeFen(rules, q.items_before, quantity);
  q.explanation = application::ExplainPerItemFee(rules, q.items_before, quantity);
  return q;
}

}  // namespace

bool IsExtensionPending(const Application& app) { return ExtensionPending(app); }

std::string FormatQueryCode(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += code[i];
  }
  return out;
}

std::string NormaliseQueryCode(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<std::shared_ptr<const WorkingCalendar>> ApplicationService::Calendar() {
  return calendar_.Current();
}

Result<Submitted> ApplicationService::SubmitOnline(const Actor& actor, int64_t agency_id,
                                                   Application form) {
  form.channel = application::IntakeChannel::kOnline;
  form.receipt_date.reset();
  return Insert(actor, agency_id, std::move(form), /*online=*/true);
}

Result<Submitted> ApplicationService::Register(const Actor& actor, int64_t agency_id,
                                               Application form) {
  if (!form.receipt_date) {
    Status st = InvalidArgument("receipt_date: the legal receipt date is missing",
                                "请填写收到申请之日（第三十一条）");
    RecordRejected(store_, clock_, actor, "application.register",
                   "agency:" + std::to_string(agency_id), st);
    return st;
  }
  return Insert(actor, agency_id, std::move(form), /*online=*/false);
}

Result<Submitted> ApplicationService::Insert(const Actor& actor, int64_t agency_id,
                                             Application form, bool online) {
  const std::string action = online ? "application.submit" : "application.register";
  const Date today = clock_.Today();
  form = CleanForm(std::move(form));
  form.agency_id = agency_id;
  Submitted out;
  auto cal = Calendar();
  Status st = cal.ok() ? OkStatus() : cal.status();
  if (st.ok())
    st = application::FieldErrorsStatus(application::ValidateApplicationForm(form, today));
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_ASSIGN_OR_RETURN(Agency agency, tx.GetAgency(agency_id));
      if (agency.level == AgencyLevel::kVillage) {
        // Villages are not administrative agencies: 村务公开 is not an application procedure.
        return FailedPrecondition("agency " + std::to_string(agency_id) +
                                      " is a village; disclosure applications go to its township",
                                  "村（社区）不受理政府信息公开申请，请向所属乡镇人民政府提出");
      }
      if (online) {
        if (actor.kind != Actor::Kind::kPublic && actor.kind != Actor::Kind::kSystem) {
          return PermissionDenied("online submissions come from the public portal",
                                  "在线申请请通过门户网站提交");
        }
        form.client_key = Sha256Hex("client:" + actor.ip).substr(0, 32);
        std::string hour_ago = FormatRfc3339(clock_.Now() - std::chrono::hours(1));
        std::string day_ago = FormatRfc3339(clock_.Now() - std::chrono::hours(24));
        GK_ASSIGN_OR_RETURN(int64_t last_hour,
                            tx.CountRecentSubmissions(form.client_key, hour_ago));
        GK_ASSIGN_OR_RETURN(int64_t last_day, tx.CountRecentSubmissions(form.client_key, day_ago));
        if (last_hour >= limits_.per_hour || last_day >= limits_.per_day) {
          return ResourceExhausted(
              "too many online applications from " + actor.ip,
              "提交过于频繁，请稍后再试；如需提交多项申请，可在一份申请中写明，"
              "或通过当面、邮寄方式提交");
        }
      } else {
        GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kHandleApplications, agency_id));
      }
      form.query_code = NewQueryCode();
      form.request_key = application::RequestKey(form.request);
      form.applicant_key = application::ApplicantKey(form.applicant);
      form.created_at = clock_.NowRfc3339();
      // Numbered in the year of receipt (an application registered late keeps its year).
      form.serial_year = form.receipt_date ? form.receipt_date->year() : today.year();
      form.state = application::CaseState::kAwaitingConfirmation;
      CaseEvent first;
      first.kind = online ? EventKind::kSubmittedOnline : EventKind::kReceived;
      first.date = online ? today : *form.receipt_date;
      first.recorded_at = form.created_at;
      first.by = online ? std::string("申请人") : actor.DisplayName();
      first.by_user_id = actor.user ? actor.user->id : 0;
      Application base = form;
      base.receipt_date.reset();
      GK_ASSIGN_OR_RETURN(Application applied, application::Apply(base, first, {today, **cal}));
      GK_ASSIGN_OR_RETURN(out.id, tx.InsertApplication(applied));
      applied.id = out.id;
      out.query_code = FormatQueryCode(applied.query_code);
      nlohmann::json after = ToJson(applied);
      after.erase("query_code");  // the applicant's key is not for the log's readers
      return RecordChange(tx, clock_, actor, action, Entity(out.id), "", Dump(after));
    });
  }
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, action, "agency:" + std::to_string(agency_id), st);
    return st;
  }
  return out;
}

Result<ApplicationView> ApplicationService::Get(const Actor& actor, int64_t id) {
  GK_ASSIGN_OR_RETURN(auto cal, Calendar());
  return InRead(store_, [&](storage::Transaction& tx) -> Result<ApplicationView> {
    ApplicationView v;
    GK_ASSIGN_OR_RETURN(v.app, tx.GetApplication(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, v.app.agency_id));
    GK_ASSIGN_OR_RETURN(v.agency, tx.GetAgency(v.app.agency_id));
    v.deadline = application::ComputeDeadline(v.app, *cal);
    v.days_left = application::WorkingDaysLeft(v.deadline, clock_.Today(), *cal);
    v.extension_pending = ExtensionPending(v.app);
    storage::ApplicationFilter f;
    f.agency_ids = {v.app.agency_id};
    f.applicant_key = v.app.applicant_key;
    f.request_key = v.app.request_key;
    f.limit = 20;
    GK_ASSIGN_OR_RETURN(std::vector<Application> same, tx.ListApplications(f));
    for (Application& a : same) {
      if (a.id != v.app.id) v.duplicates.push_back(std::move(a));
    }
    GK_ASSIGN_OR_RETURN(v.review_cases, tx.ListReviewCases(v.app.agency_id, v.app.id));
    return v;
  });
}

Result<PublicStatus> ApplicationService::Track(std::string_view query_code) {
  std::string code = NormaliseQueryCode(query_code);
  if (code.size() != 20) {
    return NotFound("no application has that query code", "查询号不正确，请核对后重新输入");
  }
  GK_ASSIGN_OR_RETURN(auto cal, Calendar());
  return InRead(store_, [&](storage::Transaction& tx) -> Result<PublicStatus> {
    PublicStatus s;
    auto found = tx.FindApplicationByQueryCode(code);
    if (!found.ok()) {
      if (found.status().code() == StatusCode::kNotFound) {
        return NotFound("no application has that query code", "查询号不正确，请核对后重新输入");
      }
      return found.status();
    }
    s.app = std::move(*found);
    GK_ASSIGN_OR_RETURN(s.agency, tx.GetAgency(s.app.agency_id));
    s.deadline = application::ComputeDeadline(s.app, *cal);
    // The explanation names consulted third parties: not the applicant's business.
    s.deadline.steps.clear();
    for (application::ConsultationClock& c : s.deadline.consultations) c.party.clear();
    // The applicant sees the steps that concern them, never staff notes, names or refusals; an
    // approved extension keeps its request (the days and reason the applicant is told).
    std::vector<int> approved;
    for (const CaseEvent& e : s.app.events) {
      if (e.kind == EventKind::kExtensionApproved) approved.push_back(e.ref);
    }
    std::erase_if(s.app.events, [&](const CaseEvent& e) {
      bool approved_request = e.kind == EventKind::kExtensionRequested &&
                              std::find(approved.begin(), approved.end(), e.seq) != approved.end();
      return e.kind == EventKind::kNote || e.kind == EventKind::kExtensionRefused ||
             (e.kind == EventKind::kExtensionRequested && !approved_request);
    });
    for (CaseEvent& e : s.app.events) {
      e.by.clear();
      e.by_user_id = 0;
      if (e.kind == EventKind::kConsultationSent || e.kind == EventKind::kConsultationAnswered) {
        e.party.clear();  // a third party's identity is not the applicant's business
        e.text.clear();
      }
    }
    s.app.applicant.id_number.clear();
    s.app.client_key.clear();
    return s;
  });
}

Result<ApplicationService::FeeQuote> ApplicationService::QuoteFee(const Actor& actor, int64_t id,
                                                                  application::FeeMethod method,
                                                                  int quantity) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<FeeQuote> {
    GK_ASSIGN_OR_RETURN(Application app, tx.GetApplication(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, app.agency_id));
    return QuoteIn(tx, app, method, quantity, clock_.Today());
  });
}

Status ApplicationService::Record(const Actor& actor, int64_t id, int64_t version,
                                  CaseEvent event) {
  const std::string action = "application.event";
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(Application app, tx.GetApplication(id));
    const bool decision =
        event.kind == EventKind::kExtensionApproved || event.kind == EventKind::kExtensionRefused;
    if (event.kind == EventKind::kSubmittedOnline) {
      return InvalidArgument("an online submission is not recorded by staff",
                             "该操作不能由工作人员登记");
    }
    if (event.kind == EventKind::kNote) {
      Status clerk = Authorize(tx, actor, Permission::kHandleApplications, app.agency_id);
      if (!clerk.ok())
        GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kApproveExtension, app.agency_id));
    } else {
      GK_RETURN_IF_ERROR(Authorize(
          tx, actor, decision ? Permission::kApproveExtension : Permission::kHandleApplications,
          app.agency_id));
    }
    GK_RETURN_IF_ERROR(Stale(app, version));
    GK_ASSIGN_OR_RETURN(auto cal, Calendar());
    const Date today = clock_.Today();
    if (event.kind == EventKind::kFeeNoticeIssued) {
      GK_ASSIGN_OR_RETURN(FeeQuote q,
                          QuoteIn(tx, app, event.fee_method, event.quantity, event.date));
      event.amount_fen = q.amount_fen;
      if (event.text.empty()) event.text = q.explanation;
    }
    event.recorded_at = clock_.NowRfc3339();
    event.by = actor.DisplayName();
    event.by_user_id = actor.user ? actor.user->id : 0;
    nlohmann::json before = {{"state", Code(app.state)}, {"version", app.version}};
    GK_ASSIGN_OR_RETURN(Application next, application::Apply(app, event, {today, *cal}));
    if (next.handler_id == 0 && actor.user && !decision && event.kind != EventKind::kNote) {
      next.handler_id = actor.user->id;  // whoever first handles it becomes the handler
      next.handler_name = actor.user->display_name;
    }
    GK_RETURN_IF_ERROR(tx.UpdateApplication(next));
    nlohmann::json after = {{"state", Code(next.state)},
                            {"version", next.version + 1},
                            {"event", ToJson(next.events.back())}};
    return RecordChange(tx, clock_, actor, action, Entity(id), Dump(before), Dump(after));
  });
  if (!st.ok()) {
    nlohmann::json tried = ToJson(event);
    RecordRejected(
        store_, clock_, actor, action, Entity(id),
        Status(st.code(), st.message() + " (tried: " + Dump(tried) + ")", st.ui_message()));
  }
  return st;
}

Status ApplicationService::Assign(const Actor& actor, int64_t id, int64_t version,
                                  int64_t handler_id) {
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(Application app, tx.GetApplication(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kHandleApplications, app.agency_id));
    GK_RETURN_IF_ERROR(Stale(app, version));
    GK_ASSIGN_OR_RETURN(User handler, tx.GetUser(handler_id));
    GK_ASSIGN_OR_RETURN(bool inside, InSubtree(tx, handler.agency_id, app.agency_id));
    if (!inside || !handler.active || !RoleAllows(handler.role, Permission::kHandleApplications)) {
      return InvalidArgument("user " + handler.username + " cannot handle this application",
                             "该用户不能承办本单位的申请");
    }
    nlohmann::json before = {{"handler_id", app.handler_id}};
    app.handler_id = handler.id;
    app.handler_name = handler.display_name;
    GK_RETURN_IF_ERROR(tx.UpdateApplication(app));
    return RecordChange(tx, clock_, actor, "application.assign", Entity(id), Dump(before),
                        Dump({{"handler_id", handler.id}, {"handler", handler.display_name}}));
  });
  if (!st.ok()) RecordRejected(store_, clock_, actor, "application.assign", Entity(id), st);
  return st;
}

}  // namespace gongkai::service
