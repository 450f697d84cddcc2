#include "web/app/app.h"

#include <spdlog/spdlog.h>

#include "service/crypto.h"

namespace gongkai::web {

namespace {

constexpr const char* kSessionCookie = "gk_session";
constexpr const char* kAnonCsrfCookie = "gk_csrf";

// The Origin of a state-changing request must be this site when the browser sends one.
bool OriginMatchesHost(const Request& req) {
  std::string_view origin = req.Header("origin");
  if (origin.empty() || origin == "null") return origin.empty();
  size_t scheme = origin.find("://");
  std::string_view host = scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
  return host == req.Header("host");
}

Status ParseBody(Call& call) {
  std::string_view ct = call.req.Header("content-type");
  if (ct.starts_with("application/x-www-form-urlencoded")) {
    GK_ASSIGN_OR_RETURN(call.form, ParseUrlEncoded(call.req.body));
  } else if (ct.starts_with("multipart/form-data")) {
    GK_ASSIGN_OR_RETURN(std::vector<MultipartPart> parts, ParseMultipart(call.req.body, ct));
    call.form = FieldsOf(parts);
    for (MultipartPart& part : parts) {
      // A file input left empty still sends a part, without a name or bytes.
      if (part.has_filename && !(part.filename.empty() && part.data.empty())) {
        call.files.push_back(std::move(part));
      }
    }
    // The parts hold the bytes now; an upload of many megabytes is not kept twice.
    std::string().swap(call.req.body);
  }
  return OkStatus();
}

}  // namespace

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kAborted:
      return 409;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

Response RenderPage(App& app, const Call& call, const std::string& tmpl, nlohmann::json model,
                    const std::string& title, const std::string& nav, int http_status) {
  PageChrome chrome;
  chrome.title = title;
  chrome.nav = nav;
  chrome.csrf_token = call.csrf;
  if (call.logged_in()) {
    const User& u = call.user();
    chrome.user = {{"display_name", u.display_name},
                   {"role_label", std::string(Label(u.role))},
                   {"username", u.username}};
  }
  model["csrf"] = call.csrf;
  auto html = app.views().Page(tmpl, model, chrome);
  if (!html.ok()) {
    spdlog::error("rendering {}: {}", tmpl, html.status().ToString());
    return Response::Text("500 系统内部错误 / Internal error", 500);
  }
  Response r = Response::Html(std::move(html).value(), http_status);
  for (auto& [name, value] : call.set_cookies) r.headers.emplace_back("Set-Cookie", value);
  return r;
}

Response ErrorPage(App& app, const Call& call, const Status& status) {
  int code = HttpStatusFor(status.code());
  if (code >= 500)
    spdlog::error("{} {}: {}", MethodName(call.req.method), call.req.path, status.ToString());
  nlohmann::json model = {{"code", code}, {"message", status.ui_message()}};
  Response r = RenderPage(app, call, "error", model, "出错了", "", code);
  if (code == 503) r.SetHeader("Retry-After", "5");
  return r;
}

Response JsonError(const Status& status) {
  nlohmann::json body = {{"error",
                          {{"code", StatusCodeName(status.code())},
                           {"message", status.message()},
                           {"message_zh", status.ui_message()}}}};
  return Response::Json(body.dump(), HttpStatusFor(status.code()));
}

void EnsureAnonymousCsrf(App& app, Call& call) {
  if (call.logged_in() || !call.csrf.empty()) return;
  call.csrf = service::RandomHex(32);
  Response tmp;
  tmp.SetCookie(kAnonCsrfCookie, call.csrf,
                {.secure = app.options().secure_cookies, .same_site = "Strict"});
  call.set_cookies.emplace_back(kAnonCsrfCookie, tmp.headers.back().second);
}

Handler Wrap(App& app, Access access, PageHandler handler) {
  return [&app, access, handler = std::move(handler)](Request& req) -> Response {
    if (!app.options().trusted_proxy.empty() && req.remote_ip == app.options().trusted_proxy) {
      std::string_view real = req.Header("x-real-ip");
      if (!real.empty() && real.size() <= 45) req.remote_ip = std::string(real);
    }
    Call call{req, std::nullopt, "", service::Actor::Public(req.remote_ip), {}, {}, {}};
    std::string token = req.Cookie(kSessionCookie);
    if (!token.empty()) {
      auto s = app.platform().sessions().Resolve(token);
      if (!s.ok()) return ErrorPage(app, call, s.status());
      call.session = std::move(*s);
    }
    if (call.session) {
      call.csrf = call.session->csrf_token;
      call.actor = service::Actor::Staff(call.session->user, req.remote_ip);
    } else {
      // Anonymous forms (login, and later the public application form) use a double-submit cookie,
      // set only by pages that carry such a form (EnsureAnonymousCsrf), so portal pages stay
      // cacheable.
      call.csrf = req.Cookie(kAnonCsrfCookie);
      if (call.csrf.size() != 64) call.csrf.clear();
    }
    if (access == Access::kStaff && !call.session) {
      if (req.method == Method::kGet || req.method == Method::kHead) {
        return Response::Redirect("/login?next=" + PercentEncode(req.target));
      }
      return ErrorPage(app, call, Unauthenticated("login required", "请先登录"));
    }
    if (IsStateChanging(req.method)) {
      Status st = ParseBody(call);
      if (!st.ok()) return ErrorPage(app, call, st);
      std::string provided = call.form.Get("_csrf");
      if (provided.empty()) provided = std::string(req.Header("x-csrf-token"));
      if (!OriginMatchesHost(req) || call.csrf.empty() ||
          !service::ConstantTimeEquals(provided, call.csrf)) {
        spdlog::warn("CSRF check failed for {} {} from {}", MethodName(req.method), req.path,
                     req.remote_ip);
        return ErrorPage(app, call,
                         PermissionDenied("CSRF token missing or wrong",
                                          "页面已过期或请求来源不明，请刷新页面后重试"));
      }
    }
    return handler(app, call);
  };
}

}  // namespace gongkai::web
