#include "web/http/dispatch.h"

#include <exception>

#include <spdlog/spdlog.h>

#include "web/http/responses.h"

namespace gongkai::web {
namespace {

constexpr std::string_view kStaticPrefix = "/static/";

std::string_view RawPath(std::string_view target) { return target.substr(0, target.find('?')); }

}  // namespace

bool SplitTarget(Request* request) {
  std::string_view target = request->target;
  size_t q = target.find('?');
  std::string_view raw = target.substr(0, q);
  if (raw.empty() || raw.front() != '/') return false;
  if (!PercentDecode(raw, false, &request->path)) return false;
  const std::string& path = request->path;
  if (path.find('\0') != std::string::npos) return false;
  // Traversal: "/../" anywhere or a trailing "/.." (also when written as %2E%2E).
  if (path.find("/../") != std::string::npos) return false;
  if (path.size() >= 3 && path.compare(path.size() - 3, 3, "/..") == 0) return false;
  request->query = q == std::string_view::npos ? std::string() : std::string(target.substr(q + 1));
  return true;
}

Dispatch DispatchRequest(const Router& router, const StaticAssets* assets, Request& request) {
  Dispatch d;
  const bool read_only = request.method == Method::kGet || request.method == Method::kHead;
  if (read_only && request.path.starts_with(kStaticPrefix)) {
    d.response =
        ServeStatic(assets, std::string_view(request.path).substr(kStaticPrefix.size()), request);
    return d;
  }
  std::string_view raw = RawPath(request.target);
  Router::Match match = router.Find(request.method, raw);
  if (match.route != nullptr) {
    request.path_params = std::move(match.params);
    d.route = match.route;
    return d;
  }
  if (match.method_not_allowed) {
    d.response = ErrorPage(405);
    d.response->SetHeader("Allow", AllowHeader(match.allowed));
    return d;
  }
  // "/admin/" -> "/admin" when that exists; never to "//host" (a protocol-relative URL).
  if (raw.size() > 1 && raw.back() == '/') {
    std::string_view stripped = raw.substr(0, raw.size() - 1);
    Router::Match other = router.Find(request.method, stripped);
    if (!stripped.starts_with("//") && (other.route != nullptr || other.method_not_allowed)) {
      std::string location(stripped);
      if (!request.query.empty()) location += "?" + request.query;
      d.response = Response::Redirect(std::move(location), 308);
      return d;
    }
  }
  d.response = ErrorPage(404);
  return d;
}

Response RunHandler(const Route& route, Request& request) {
  try {
    return route.handler(request);
  } catch (const std::exception& e) {
    spdlog::error("handler for {} {} threw: {}", MethodName(request.method), route.pattern,
                  e.what());
  } catch (...) {
    spdlog::error("handler for {} {} threw a non-std exception", MethodName(request.method),
                  route.pattern);
  }
  return ErrorPage(500);
}

}  // namespace gongkai::web
