// The forms of the steps that may be taken on a case now, for the case page: which ones fit the
// case as it stands and the user's role, their defaults (today's date, the rules' numbers), and a
// refused form's input and reason when it comes back. The service decides whether a step may
// happen; these forms only avoid offering what cannot.
#include "core/application/case_state.h"
#include "core/application/fees.h"
#include "core/application/rules.h"
#include "web/app/application_models.h"

namespace gongkai::web {

namespace app = application;
using app::CaseEvent;
using app::EventKind;

namespace {

std::string S(std::string_view v) { return std::string(v); }

std::string Iso(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string ConsultationName(const CaseEvent& sent) {
  return S(app::Label(sent.consultation)) + "：" + sent.party + "（" + sent.date.ToString() +
         "发出）";
}

template <class E, size_t N>
nlohmann::json Choices(const std::array<E, N>& all, const std::string& selected) {
  nlohmann::json list = nlohmann::json::array();
  for (E e : all) {
    list.push_back({{"code", S(app::Code(e))},
                    {"label", S(app::Label(e))},
                    {"selected", app::Code(e) == selected}});
  }
  return list;
}

}  // namespace

nlohmann::json StepFormsModel(const service::ApplicationView& v, const CasePageContext& ctx) {
  const app::Application& a = v.app;
  const Role role = ctx.user->role;
  const bool can_handle = RoleAllows(role, Permission::kHandleApplications);
  const bool can_decide = RoleAllows(role, Permission::kApproveExtension);
  const bool closed = a.state == app::CaseState::kClosed;
  const bool received = a.receipt_date.has_value();
  const bool awaiting_correction = a.state == app::CaseState::kAwaitingCorrection;
  const app::OpenItems open = app::OpenItemsOf(a);
  const app::ProcedureRules& rules =
      a.receipt_date ? app::RulesFor(*a.receipt_date) : app::CurrentRules();
  const std::string today = ctx.today.ToString();
  FormBuilder form{ctx.input};

  nlohmann::json actions = nlohmann::json::object();
  const bool handle = can_handle && !closed;
  if (handle && !received) {
    actions["receive"] = form.Make("received", {{"date", today},
                                                {"submitted_on", Iso(a.submitted_on)},
                                                {"meaning", S(app::ReceiptMeaning(a.channel))}});
  }
  if (handle && received) {
    if (!open.correction_requested_ever && a.state == app::CaseState::kHandling) {
      actions["correction_requested"] = form.Make(
          "correction_requested", {{"date", today},
                                   {"until", ctx.correction_until.ToString()},
                                   {"text", ""},
                                   {"notice_due", LongDate(v.deadline.correction_notice_due)},
                                   {"late", v.deadline.correction_notice_due &&
                                                ctx.today > *v.deadline.correction_notice_due},
                                   {"notice_days", rules.correction_notice_days}});
    }
    if (awaiting_correction) {
      actions["correction_received"] =
          form.Make("correction_received", {{"date", today}, {"text", ""}});
    }
    if (!awaiting_correction) {
      nlohmann::json c = form.Make("consultation_sent", {{"date", today},
                                                         {"consultation", "third_party"},
                                                         {"party", ""},
                                                         {"text", ""},
                                                         {"days", rules.consultation_days}});
      c["kinds"] = Choices(
          std::array{app::ConsultationKind::kThirdParty, app::ConsultationKind::kOtherAgency},
          c["consultation"].get<std::string>());
      actions["consultation_sent"] = c;
    }
    if (!open.consultations.empty()) {
      nlohmann::json c =
          form.Make("consultation_answered", {{"date", today}, {"ref", ""}, {"text", ""}});
      nlohmann::json choices = nlohmann::json::array();
      for (const CaseEvent* sent : open.consultations) {
        std::string seq = std::to_string(sent->seq);
        choices.push_back({{"seq", seq},
                           {"label", ConsultationName(*sent)},
                           {"selected", c["ref"].get<std::string>() == seq}});
      }
      c["consultations"] = choices;
      actions["consultation_answered"] = c;
    }
    if (!awaiting_correction && !open.extension_request &&
        open.extensions_approved < rules.max_extensions) {
      actions["extension_requested"] =
          form.Make("extension_requested", {{"date", today},
                                            {"days", std::to_string(rules.extension_max_days)},
                                            {"max_days", rules.extension_max_days},
                                            {"text", ""}});
    }
    if (!awaiting_correction && !open.fee_notice_ever && rules.fees_apply) {
      nlohmann::json f = form.Make("fee_notice_issued", {{"date", today},
                                                         {"fee_method", "per_volume"},
                                                         {"quantity", ""},
                                                         {"text", ""},
                                                         {"quote", nullptr}});
      if (ctx.input && ctx.input->action == "fee_quote") {
        // 计算 posts the same fields: show them again with the amount.
        for (const auto& [k, val] : ctx.input->values) {
          if (f.contains(k) && f[k].is_string()) f[k] = val;
        }
        f["open"] = true;
        f["error"] = ctx.input->error;
        if (ctx.input->quote) {
          f["quote"] = {{"amount", app::FormatYuan(ctx.input->quote->amount_fen)},
                        {"free", ctx.input->quote->amount_fen == 0},
                        {"explanation", ctx.input->quote->explanation},
                        {"items_before", ctx.input->quote->items_before},
                        {"has_items_before", ctx.input->quote->items_before > 0}};
        }
      }
      f["methods"] = Choices(std::array{app::FeeMethod::kPerItem, app::FeeMethod::kPerVolume},
                             f["fee_method"].get<std::string>());
      actions["fee_notice_issued"] = f;
    }
    if (open.fee_notice) {
      actions["fee_paid"] =
          form.Make("fee_paid", {{"date", today},
                                 {"ref", std::to_string(open.fee_notice->seq)},
                                 {"notice", app::FormatYuan(open.fee_notice->amount_fen) + "（" +
                                                open.fee_notice->date.ToString() + "通知）"},
                                 {"payment_due", Iso(v.deadline.payment_due)}});
    }
    nlohmann::json answer = form.Make("closed", {{"date", today}, {"outcome", ""}, {"text", ""}});
    answer["groups"] = OutcomeGroups(app::ParseOutcome(answer["outcome"].get<std::string>()));
    answer["paused"] = a.state != app::CaseState::kHandling;
    answer["paused_hint"] =
        awaiting_correction ? "申请正在等待补正：补正期限届满后，才能以“申请人逾期不补正”结案。"
        : open.fee_notice
            ? "申请正在等待缴费：缴费期限届满后，才能以“申请人逾期未缴纳信息处理费”结案。"
        : !open.consultations.empty() ? "征求意见尚未答复：请先登记答复，再作出答复。"
                                      : "";
    actions["closed"] = answer;
  }
  if (can_decide && open.extension_request && !closed) {
    const CaseEvent& r = *open.extension_request;
    actions["extension_decision"] =
        form.Make("extension_decision", {{"date", today},
                                         {"ref", std::to_string(r.seq)},
                                         {"text", ""},
                                         {"days", r.days},
                                         {"reason", r.text},
                                         {"requested_by", r.by},
                                         {"requested_on", r.date.ToString()},
                                         {"new_due", LongDate(ctx.extended_due)},
                                         {"new_due_provisional", ctx.extended_due_provisional}});
  }
  if (can_handle || can_decide) actions["note"] = form.Make("note", {{"text", ""}});
  if (handle) {
    nlohmann::json assign = form.Make("assign", {{"handler_id", std::to_string(a.handler_id)}});
    nlohmann::json handlers = nlohmann::json::array();
    for (const User& u : ctx.handlers) {
      handlers.push_back(
          {{"id", std::to_string(u.id)},
           {"name", u.display_name + "（" + u.username + "）"},
           {"selected", assign["handler_id"].get<std::string>() == std::to_string(u.id)}});
    }
    assign["handlers"] = handlers;
    if (!handlers.empty()) actions["assign"] = assign;
  }

  return actions;
}

}  // namespace gongkai::web
