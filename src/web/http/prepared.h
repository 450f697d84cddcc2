// PreparedResponse: a response put into its wire form once and sent many times as it is (the
// page cache's entries): the status line and header block of a keep-alive HTTP/1.1 answer, and
// the body. Sending one is a single gathered write: no header building, no copy of the body.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "web/http/http.h"

namespace gongkai::web {

struct PreparedResponse {
  int status = 200;
  std::string head;  // "HTTP/1.1 200 OK\r\n…\r\n\r\n", Content-Length included
  std::string body;  // empty for a status without a body
};

PreparedResponse Prepare(const Response& response);

// The header fields every response goes out with, in order: Server, Content-Type (unless the
// status has no body), the handler's own (without CR, LF or NUL, and without the fields the
// sender sets: Content-Length, Connection, Transfer-Encoding, Content-Type), then each security
// header the handler did not set itself. The one list both senders (Beast's and Prepare) use.
std::vector<std::pair<std::string, std::string>> WireHeaders(const Response& response);

// 1xx, 204 and 304 carry no body.
bool HasNoBody(int status);

}  // namespace gongkai::web
