// HTTP values shared by the server, the router and the handlers. Handlers see only these types,
// never Beast's, so the server can change without touching them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::web {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };
std::string_view MethodName(Method m);
// True for methods that change state and therefore need a CSRF token.
bool IsStateChanging(Method m);

struct Request {
  Method method = Method::kGet;
  std::string target;  // as received: path plus optional "?query"
  std::string path;    // percent-decoded path, no query; always starts with '/'
  std::string query;   // raw query string without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
  std::string body;
  std::string remote_ip;
  std::map<std::string, std::string> path_params;  // filled by the router from "{name}" segments

  // First header with this (case-insensitive) name, or "".
  std::string_view Header(std::string_view name) const;
  // Value of cookie `name` from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
  // Decoded value of query parameter `name`, or "".
  std::string QueryParam(std::string_view name) const;
};

struct CookieOptions {
  int64_t max_age_seconds = -1;  // -1: session cookie; 0: delete
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
  std::string path = "/";
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  // Extra headers (not Content-Type/Length).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response Html(std::string body, int status = 200);
  static Response Json(std::string body, int status = 200);
  static Response Text(std::string body, int status = 200);
  // 303 See Other: the browser follows with GET (post/redirect/get).
  static Response Redirect(std::string location, int status = 303);

  void SetHeader(std::string name, std::string value);
  void SetCookie(std::string_view name, std::string_view value, const CookieOptions& options = {});
};

// Percent-decoding. plus_as_space: for application/x-www-form-urlencoded and query strings.
// Returns false on a malformed escape ("%G1", truncated "%4").
bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out);
std::string PercentEncode(std::string_view in);
std::string HtmlEscape(std::string_view in);

}  // namespace gongkai::web
