// The route table: every URL the server answers is registered here, in one place (web/routes.cc).
// Patterns are literal segments and "{name}" segments (one path segment each), e.g.
// "/agencies/{id}".
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/http/http.h"

namespace gongkai::web {

using Handler = std::function<Response(Request&)>;
struct PreparedResponse;  // web/http/prepared.h

struct RouteOptions {
  // Run on the worker pool (handlers that touch the database or hash passwords). false: run on the
  // I/O thread; only for handlers that are cheap and never block.
  bool blocking = true;
  // Larger bodies than the server allows (ServerOptions::max_body_bytes), for uploads; 0: the
  // server's limit. With it, a longer time to receive the request (0: the server's read_timeout).
  size_t max_body_bytes = 0;
  std::chrono::seconds read_timeout{0};
  // Tried on the I/O thread before the handler, for keep-alive HTTP/1.1 GET and HEAD requests: an
  // answer that is ready without blocking (a cached page), or null to run the handler as usual.
  std::function<std::shared_ptr<const PreparedResponse>(const Request&)> ready = nullptr;
};

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
};

class Router {
 public:
  void Add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  void Get(std::string pattern, Handler handler, RouteOptions options = {}) {
    Add(Method::kGet, std::move(pattern), std::move(handler), options);
  }
  void Post(std::string pattern, Handler handler, RouteOptions options = {}) {
    Add(Method::kPost, std::move(pattern), std::move(handler), options);
  }

  struct Match {
    const Route* route = nullptr;     // null: no route
    bool method_not_allowed = false;  // the path matched some route, with another method
    std::map<std::string, std::string> params;
    std::vector<Method> allowed;  // when method_not_allowed: the methods the path has (for Allow)
  };
  // `path` is the raw path (still percent-encoded, no query); each segment is decoded before it is
  // compared, so "%2F" inside a "{name}" segment stays in that parameter. A literal segment wins
  // over
  // "{name}" ("/agencies/new" before "/agencies/{id}"). "/a/" does not match "/a". HEAD matches
  // GET.
  Match Find(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // per route: its pattern split at '/'
};

// "Allow" header value for a list of methods, e.g. "GET, HEAD, POST".
std::string AllowHeader(const std::vector<Method>& methods);

}  // namespace gongkai::web
