// Deciding what answers a parsed request: a static asset, a redirect, an error page, or a route's
// handler. Independent of sockets, so the rules are tested without a server.
#pragma once

#include <optional>

#include "web/http/router.h"
#include "web/http/server.h"

namespace gongkai::web {

// Splits request.target into path (decoded) and query. False when the target is not an
// origin-form path, has a malformed escape, or contains NUL or a ".." segment.
bool SplitTarget(Request* request);

struct Dispatch {
  std::optional<Response> response;  // answered without a handler
  const Route* route = nullptr;      // else: run this handler (path_params are filled in)
};
// request must have gone through SplitTarget.
Dispatch DispatchRequest(const Router& router, const StaticAssets* assets, Request& request);

// Runs the handler; an exception becomes a 500 page (and a log line), never a crash.
Response RunHandler(const Route& route, Request& request);

}  // namespace gongkai::web
