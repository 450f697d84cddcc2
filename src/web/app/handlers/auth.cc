// Login and logout. The session cookie is HttpOnly and SameSite=Lax; the login form is protected by
// the anonymous double-submit CSRF cookie like every other form.
#include <spdlog/spdlog.h>

#include "web/app/handlers/handlers.h"

namespace gongkai::web::handlers {

namespace {
// Only local paths: "/admin" yes, "//evil.example" or "https://…" no (open redirect).
std::string SafeNext(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return "/admin";
}

Response LoginPage(App& app, Call& call, const std::string& username, const std::string& error,
                   int status) {
  EnsureAnonymousCsrf(app, call);
  nlohmann::json model = {
      {"username", username},
      {"next", SafeNext(call.req.QueryParam("next").empty() ? call.form.Get("next")
                                                            : call.req.QueryParam("next"))},
      {"error", error}};
  return RenderPage(app, call, "login", model, "工作人员登录", "admin", status);
}
}  // namespace

Response LoginForm(App& app, Call& call) {
  if (call.logged_in()) return Response::Redirect(SafeNext(call.req.QueryParam("next")));
  return LoginPage(app, call, "", "", 200);
}

Response Login(App& app, Call& call) {
  const std::string& username = call.form.Get("username");
  const std::string& password = call.form.Get("password");
  if (username.empty() || password.empty()) {
    return LoginPage(app, call, username, "请输入用户名和密码", 400);
  }
  auto user = app.platform().users().Authenticate(username, password, call.req.remote_ip);
  if (!user.ok()) {
    return LoginPage(app, call, username, user.status().ui_message(),
                     HttpStatusFor(user.status().code()));
  }
  auto session = app.platform().sessions().Create(*user, call.req.remote_ip);
  if (!session.ok()) return ErrorPage(app, call, session.status());
  spdlog::info("login {} from {}", username, call.req.remote_ip);
  Response r = Response::Redirect(SafeNext(call.form.Get("next")));
  r.SetCookie("gk_session", session->token,
              {.max_age_seconds = session->expires_at - app.platform().clock().NowSeconds(),
               .secure = app.options().secure_cookies});
  return r;
}

Response Logout(App& app, Call& call) {
  if (call.logged_in()) {
    Status st = app.platform().sessions().Destroy(call.req.Cookie("gk_session"), call.actor);
    if (!st.ok()) return ErrorPage(app, call, st);
  }
  Response r = Response::Redirect("/");
  r.SetCookie("gk_session", "", {.max_age_seconds = 0, .secure = app.options().secure_cookies});
  return r;
}

}  // namespace gongkai::web::handlers
