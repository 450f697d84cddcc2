#include "web/http/prepared.h"

#include <algorithm>
#include <cctype>

#include <boost/beast/http/status.hpp>

#include "web/http/server.h"

namespace gongkai::web {
namespace {

namespace http = boost::beast::http;

// Handlers build headers freely; a CR or LF must never reach the wire (response splitting).
std::string Clean(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\r' && c != '\n' && c != '\0') out += c;
  }
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool SetBySender(std::string_view name) {
  for (std::string_view own :
       {"content-length", "content-type", "connection", "transfer-encoding"}) {
    if (IEquals(name, own)) return true;
  }
  return false;
}

}  // namespace

bool HasNoBody(int status) { return status < 200 || status == 204 || status == 304; }

std::vector<std::pair<std::string, std::string>> WireHeaders(const Response& r) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(r.headers.size() + SecurityHeaders().size() + 2);
  out.emplace_back("Server", "gongkai");
  if (!HasNoBody(r.status) && !r.content_type.empty()) {
    out.emplace_back("Content-Type", Clean(r.content_type));
  }
  for (const auto& [name, value] : r.headers) {
    std::string clean = Clean(name);
    if (clean.empty() || SetBySender(clean)) continue;
    out.emplace_back(std::move(clean), Clean(value));
  }
  // A handler may tighten a security header (e.g. its own CSP); otherwise the defaults apply.
  for (const auto& [name, value] : SecurityHeaders()) {
    bool own = false;
    for (const auto& h : r.headers) own = own || IEquals(h.first, name);
    if (!own) out.emplace_back(name, value);
  }
  return out;
}

PreparedResponse Prepare(const Response& r) {
  PreparedResponse p;
  p.status = (r.status >= 100 && r.status <= 599) ? r.status : 500;
  auto reason = http::obsolete_reason(static_cast<http::status>(p.status));
  p.head = "HTTP/1.1 " + std::to_string(p.status) + " " +
           std::string(reason.data(), reason.size()) + "\r\n";
  for (const auto& [name, value] : WireHeaders(r)) p.head += name + ": " + value + "\r\n";
  if (!HasNoBody(p.status)) {
    p.head += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
    p.body = r.body;
  }
  p.head += "\r\n";
  return p;
}

}  // namespace gongkai::web
