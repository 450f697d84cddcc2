// The public side of disclosure applications (issue 6): the Art. 29 form on an agency's page, the
// page showing the query code after submission, and following the case with the code. No login:
// the forms carry the anonymous double-submit CSRF token, and the query code travels only in POST
// bodies and a short-lived cookie, never in a URL.
#include "core/application/identity.h"
#include "core/application/rules.h"
#include "web/app/application_form.h"
#include "web/app/application_models.h"
#include "web/app/handlers/application_page.h"
#include "web/app/handlers/handlers.h"
#include "web/app/models.h"

namespace gongkai::web::handlers {

namespace app = application;

namespace {

constexpr const char* kAppliedCookie = "gk_applied";
constexpr int64_t kAppliedCookieSeconds = 30 * 60;

std::string AppliedPath(int64_t agency_id) {
  return "/agencies/" + std::to_string(agency_id) + "/applied";
}

// The agency an application may be sent to: a village committee is not an administrative agency
// under the 条例 (its 村务公开 follows other rules).
Result<Agency> ReceivingAgency(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return NotFound("bad agency id", "未找到该单位");
  }
  GK_ASSIGN_OR_RETURN(Agency agency, app.platform().agencies().Get(id));
  if (agency.level == AgencyLevel::kVillage) {
    return NotFound("villages do not receive disclosure applications",
                    "村民委员会不受理政府信息公开申请，请向乡镇人民政府提出");
  }
  return agency;
}

void NoStore(Response& r) { r.SetHeader("Cache-Control", "no-store"); }

Response ApplyPage(App& app, Call& call, const Agency& agency, const ApplicationInput* input,
                   const std::string& error, int http_status) {
  EnsureAnonymousCsrf(app, call);
  const app::ProcedureRules& rules = app::CurrentRules();
  nlohmann::json model =
      ApplicationFormModel(input, /*staff=*/false, app.platform().clock().Today());
  model["action"] = "/agencies/" + std::to_string(agency.id) + "/apply";
  model["agency"] = AgencyModel(agency);
  model["error"] = error;
  model["answer_days"] = rules.answer_days;
  model["extension_days"] = rules.extension_max_days;
  model["correction_notice_days"] = rules.correction_notice_days;
  model["script_url"] = app.views().StaticUrl("application-form.js");
  Response r =
      RenderPage(app, call, "application_form", model, "申请政府信息公开", "portal", http_status);
  NoStore(r);
  return r;
}

Response TrackPage(App& app, Call& call, const std::string& code, const std::string& error,
                   const service::PublicStatus* status, int http_status) {
  EnsureAnonymousCsrf(app, call);
  nlohmann::json model = {{"code", code}, {"error", error}, {"status", nullptr}};
  if (status) {
    model["status"] = PublicStatusModel(*status);
    model["status"]["letters"] = PublicLetterList(*status);
    model["status"]["has_letters"] = !model["status"]["letters"].empty();
  }
  Response r = RenderPage(app, call, "track", model,
                          status ? "政府信息公开申请办理进度" : "查询政府信息公开申请", "track",
                          http_status);
  NoStore(r);
  return r;
}

// Only the characters of a query code, so a cookie cannot carry anything else.
bool LooksLikeQueryCode(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Response ApplyForm(App& app, Call& call) {
  auto agency = ReceivingAgency(app, call);
  if (!agency.ok()) return ErrorPage(app, call, agency.status());
  return ApplyPage(app, call, *agency, nullptr, "", 200);
}

Response SubmitApplication(App& app, Call& call) {
  auto agency = ReceivingAgency(app, call);
  if (!agency.ok()) return ErrorPage(app, call, agency.status());
  ApplicationInput input = ParseApplicationForm(call.form, /*staff=*/false);
  const Date today = app.platform().clock().Today();
  if (!input.errors.empty()) {
    AddFieldErrors(input, app::ValidateApplicationForm(input.app, today));
    return ApplyPage(app, call, *agency, &input, "", 422);
  }
  // Whoever fills in the public form is the public, also a member of staff who is logged in.
  auto submitted = app.platform().applications().SubmitOnline(
      service::Actor::Public(call.req.remote_ip), agency->id, input.app);
  if (!submitted.ok()) {
    const Status& st = submitted.status();
    if (st.code() == StatusCode::kInvalidArgument) {
      AddFieldErrors(input, app::ValidateApplicationForm(input.app, today));
    }
    std::string error = input.errors.empty() ? st.ui_message() : "";
    if (st.code() == StatusCode::kResourceExhausted) {
      error =
          "抱歉，本网络地址提交申请过于频繁，本次申请未能提交。您填写的内容仍保留在下方，请"
          "稍后再提交；也可以把多项内容写在同一份申请中，或以当面、邮寄方式提出申请。";
    }
    return ApplyPage(app, call, *agency, &input, error,
                     st.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(st.code()));
  }
  Response r = Response::Redirect(AppliedPath(agency->id));
  r.SetCookie(kAppliedCookie, submitted->query_code,
              {.max_age_seconds = kAppliedCookieSeconds,
               .secure = app.options().secure_cookies,
               .same_site = "Strict",
               .path = AppliedPath(agency->id)});
  return r;
}

Response AppliedPage(App& app, Call& call) {
  auto agency = ReceivingAgency(app, call);
  if (!agency.ok()) return ErrorPage(app, call, agency.status());
  const std::string code = call.req.Cookie(kAppliedCookie);
  nlohmann::json model = {{"agency", AgencyModel(*agency)},
                          {"apply_url", "/agencies/" + std::to_string(agency->id) + "/apply"},
                          {"status", nullptr},
                          {"answer_days", app::CurrentRules().answer_days}};
  if (LooksLikeQueryCode(code)) {
    auto status = app.platform().applications().Track(code);
    if (status.ok() && status->agency.id == agency->id) {
      model["query_code"] = service::FormatQueryCode(service::NormaliseQueryCode(code));
      model["status"] = PublicStatusModel(*status);
    }
  }
  Response r = RenderPage(app, call, "application_submitted", model, "申请已提交", "portal");
  NoStore(r);
  return r;
}

Response TrackForm(App& app, Call& call) { return TrackPage(app, call, "", "", nullptr, 200); }

Response TrackApplication(App& app, Call& call) {
  const std::string& code = call.form.Get("code");
  if (TrimAscii(code).empty()) {
    return TrackPage(app, call, code, "请输入查询号", nullptr, 400);
  }
  auto status = app.platform().applications().Track(code);
  if (!status.ok()) {
    return TrackPage(app, call, code, status.status().ui_message(), nullptr,
                     HttpStatusFor(status.status().code()));
  }
  return TrackPage(app, call, code, "", &*status, 200);
}

}  // namespace gongkai::web::handlers
