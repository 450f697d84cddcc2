// The steps taken on an application from its case page: each form posts the case version it was
// read at and one step (confirm receipt, correction, consultation, extension and the leader's
// decision, fee notice and payment, answer, note), the handler's assignment, or a fee quote. A
// refusal shows the page again with the reason next to the form and what was typed kept; a stale
// form shows the case as it is now.
#include "core/application/case_state.h"
#include "core/application/rules.h"
#include "web/app/application_form.h"
#include "web/app/handlers/application_page.h"
#include "web/app/handlers/handlers.h"

namespace gongkai::web::handlers {

namespace app = application;

namespace {

constexpr const char* kStaleMessage =
    "该申请已被他人办理或修改，本次操作未保存。页面已显示最新情况，请核对后再提交（您填写的内容已"
    "保留）。";

Result<int64_t> CaseId(Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return NotFound("bad application id", "未找到该申请");
  }
  return id;
}

Result<int64_t> CaseVersion(const Call& call) {
  int64_t v = 0;
  if (!ParseId(call.form.Get("version"), &v)) {
    return InvalidArgument("form version missing", "表单已失效，请刷新页面后重试");
  }
  return v;
}

ActionInput InputOf(const Call& call, std::string action) {
  ActionInput in;
  in.action = std::move(action);
  for (const auto& [name, value] : call.form.all()) {
    if (name != "_csrf" && name != "kind" && name != "version") in.values[name] = value;
  }
  return in;
}

int RefusedStatus(const Status& st) {
  return st.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(st.code());
}

Response Refused(App& app, Call& call, int64_t id, ActionInput& input, const Status& st) {
  input.stale = st.code() == StatusCode::kAborted;
  input.error = input.stale ? kStaleMessage : st.ui_message();
  return CasePage(app, call, id, &input, "", RefusedStatus(st));
}

}  // namespace

std::string StepNotice(std::string_view done) {
  static const std::pair<std::string_view, const char*> kNotices[] = {
      {"registered", "已登记。请将查询号告知申请人，申请人可凭查询号在门户网站查询办理进度。"},
      {"received", "已确认收到申请，答复期限自收到申请之日起计算。"},
      {"correction_requested", "已登记补正告知，等待申请人补正。"},
      {"correction_received", "已登记收到补正后的申请，答复期限自该日起重新计算。"},
      {"consultation_sent", "已登记征求意见，等待答复期间不计入答复期限。"},
      {"consultation_answered", "已登记征求意见的答复，恢复计时。"},
      {"extension_requested", "已提交延期申请，等待主管领导审批。"},
      {"extension_approved", "已批准延期，答复期限已顺延。"},
      {"extension_refused", "已不同意延期，答复期限不变。"},
      {"fee_notice_issued", "已登记收费通知，等待申请人缴费期间不计入答复期限。"},
      {"fee_paid", "已登记缴费，恢复计时。"},
      {"closed", "已登记答复，本申请办结。"},
      {"note", "已添加备注。"},
      {"assigned", "已指派承办人。"},
  };
  for (const auto& [code, text] : kNotices) {
    if (code == done) return text;
  }
  return "";
}

Response CasePage(App& app, Call& call, int64_t id, const ActionInput* input,
                  const std::string& notice, int http_status) {
  auto view = app.platform().applications().Get(call.actor, id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  const Date today = app.platform().clock().Today();
  CasePageContext ctx;
  ctx.user = &call.user();
  ctx.today = today;
  ctx.input = input;
  const app::ProcedureRules& rules =
      view->app.receipt_date ? app::RulesFor(*view->app.receipt_date) : app::CurrentRules();
  ctx.correction_until = today.AddDays(21);
  if (auto cal = app.platform().calendar().Current(); cal.ok()) {
    ctx.correction_until = (*cal)->AddWorkingDays(today, rules.correction_reply_days).date;
    // Approval adds the requested working days after the current due date (Art. 33).
    const app::CaseEvent* request = app::OpenItemsOf(view->app).extension_request;
    if (request && view->deadline.due) {
      auto extended = (*cal)->AddWorkingDays(*view->deadline.due, request->days);
      ctx.extended_due = extended.date;
      ctx.extended_due_provisional = extended.provisional || view->deadline.provisional;
    }
  }
  if (auto users = app.platform().users().List(view->app.agency_id); users.ok()) {
    for (const User& u : *users) {
      if (u.active && u.agency_id == view->app.agency_id &&
          RoleAllows(u.role, Permission::kHandleApplications)) {
        ctx.handlers.push_back(u);
      }
    }
  }
  nlohmann::json model = CasePageModel(*view, ctx);
  model["notice"] = notice;
  model["stale"] = input && input->stale;
  model["new_review_url"] = "/admin/review-cases?application=" + std::to_string(id);
  AddLetterLinks(view->app, model);
  return RenderPage(app, call, "application", model, "政府信息公开申请" + SerialText(view->app),
                    "applications", http_status);
}

Response RecordApplicationEvent(App& app, Call& call) {
  auto id = CaseId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  const std::string& code = call.form.Get("kind");
  auto kind = app::ParseEventKind(code);
  if (!kind || *kind == app::EventKind::kSubmittedOnline) {
    return ErrorPage(app, call, NotFound("unknown step " + code, "未知的办理操作"));
  }
  const bool decision =
      *kind == app::EventKind::kExtensionApproved || *kind == app::EventKind::kExtensionRefused;
  ActionInput input = InputOf(call, decision ? "extension_decision" : code);
  auto version = CaseVersion(call);
  Status st = version.status();
  auto event = ParseCaseEvent(call.form, *kind, app.platform().clock().Today());
  if (st.ok()) st = event.status();
  if (st.ok()) st = app.platform().applications().Record(call.actor, *id, *version, *event);
  if (!st.ok()) return Refused(app, call, *id, input, st);
  return Response::Redirect("/admin/applications/" + std::to_string(*id) + "?done=" + code);
}

Response AssignApplication(App& app, Call& call) {
  auto id = CaseId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  ActionInput input = InputOf(call, "assign");
  auto version = CaseVersion(call);
  Status st = version.status();
  int64_t handler = 0;
  if (st.ok() && !ParseId(call.form.Get("handler_id"), &handler)) {
    st = InvalidArgument("handler_id missing", "请选择承办人");
  }
  if (st.ok()) st = app.platform().applications().Assign(call.actor, *id, *version, handler);
  if (!st.ok()) return Refused(app, call, *id, input, st);
  return Response::Redirect("/admin/applications/" + std::to_string(*id) + "?done=assigned");
}

Response QuoteApplicationFee(App& app, Call& call) {
  auto id = CaseId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  ActionInput input = InputOf(call, "fee_quote");
  auto event =
      ParseCaseEvent(call.form, app::EventKind::kFeeNoticeIssued, app.platform().clock().Today());
  Status st = event.status();
  if (st.ok()) {
    auto quote =
        app.platform().applications().QuoteFee(call.actor, *id, event->fee_method, event->quantity);
    st = quote.status();
    if (quote.ok()) input.quote = *quote;
  }
  if (!st.ok()) input.error = st.ui_message();
  return CasePage(app, call, *id, &input, "", st.ok() ? 200 : RefusedStatus(st));
}

}  // namespace gongkai::web::handlers
