// The web application: the platform's services behind HTTP. Handlers only translate: parse the
// request, make one service call, render the result. Sessions, CSRF and error pages are handled
// once, in Wrap.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "service/change_watch.h"
#include "service/platform.h"
#include "web/app/page_cache.h"
#include "web/app/view.h"
#include "web/http/form.h"
#include "web/http/router.h"

namespace gongkai::web {

struct AppOptions {
  bool secure_cookies = false;  // set when served over HTTPS (behind nginx with TLS)
  // Requests from this address (the reverse proxy) carry the client's address in X-Real-IP; login
  // throttling and the audit log then see the real client. Empty: trust no proxy.
  std::string trusted_proxy;
  // The site's public address (scheme and host, e.g. https://gongkai.example.gov.cn), for absolute
  // URLs in feeds. Empty: derived from the request's Host header when it is a well-formed host name
  // (https when secure_cookies is set).
  std::string public_url;
  // Bound of the rendered public pages kept in memory (PageCache); 0 disables the cache.
  size_t page_cache_bytes = size_t{64} << 20;
};

class App {
 public:
  App(service::Platform& platform, AppOptions options)
      : platform_(platform),
        options_(options),
        page_cache_(options.page_cache_bytes),
        change_watch_(platform.store()) {}
  service::Platform& platform() { return platform_; }
  PageCache& page_cache() { return page_cache_; }
  service::ChangeWatch& change_watch() { return change_watch_; }
  const Views& views() const { return views_; }
  const AppOptions& options() const { return options_; }

 private:
  service::Platform& platform_;
  AppOptions options_;
  Views views_;
  PageCache page_cache_;
  service::ChangeWatch change_watch_;
};

// The site's base URL without a trailing slash: AppOptions::public_url, else scheme + the
// request's Host when it is a plain host[:port] (letters, digits, '.', '-', IPv6 brackets), else
// http://localhost.
std::string PublicBaseUrl(const App& app, const Request& req);

// One request as the application sees it, after Wrap resolved the session and checked CSRF.
struct Call {
  Request& req;
  std::optional<service::ActiveSession> session;
  std::string csrf;  // the token forms on this page must carry
  service::Actor actor;
  FormFields form;                   // POST fields (urlencoded or the plain fields of multipart)
  std::vector<MultipartPart> files;  // the file parts of a multipart POST (with a file name)
  std::vector<std::pair<std::string, std::string>> set_cookies;  // name, full Set-Cookie value

  bool logged_in() const { return session.has_value(); }
  const User& user() const { return session->user; }
};

enum class Access { kPublic, kStaff };
using PageHandler = std::function<Response(App&, Call&)>;

Handler Wrap(App& app, Access access, PageHandler handler);
// Gives an anonymous visitor a CSRF token (double-submit cookie) for a page that has a form.
void EnsureAnonymousCsrf(App& app, Call& call);

// One mapping from status codes to HTTP status codes.
int HttpStatusFor(StatusCode code);
// An HTML error page for a failed Status (Chinese message; details in the log).
Response ErrorPage(App& app, const Call& call, const Status& status);
// Renders a page with the standard chrome (title, user box, nav).
Response RenderPage(App& app, const Call& call, const std::string& tmpl, nlohmann::json model,
                    const std::string& title, const std::string& nav, int http_status = 200);
// JSON error body for the API: {"error": {"code", "message", "message_zh"}}.
Response JsonError(const Status& status);

// All routes of the application (web/app/routes.cc).
Router BuildRouter(App& app);

}  // namespace gongkai::web
