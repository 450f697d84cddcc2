// Responses the transport produces itself: bilingual error pages and static assets. Pure functions
// (no sockets), so they are tested directly.
#pragma once

#include "web/http/http.h"
#include "web/http/server.h"

namespace gongkai::web {

// A small bilingual HTML page for 400, 404, 405, 500, ... (unknown statuses get a generic text).
Response ErrorPage(int status);
// A short bilingual text/plain body for transport failures (400, 413, 431) before any routing.
Response TransportError(int status);

// Whether an If-None-Match value names `etag` (a list, weak comparison as RFC 9110 13.1.2 asks
// for, or "*").
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

// GET/HEAD /static/<key>: 200 with cache headers, 304 when If-None-Match matches, else 404.
// `key` is the decoded path after "/static/".
Response ServeStatic(const StaticAssets* assets, std::string_view key, const Request& request);

}  // namespace gongkai::web
