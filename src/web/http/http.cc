#include "web/http/http.h"

#include <cctype>

namespace gongkai::web {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Header and cookie text must not contain characters that end the header line (response splitting).
std::string StripHeaderBreakers(std::string_view in, std::string_view also = {}) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    if (c == '\r' || c == '\n' || c == '\0' || also.find(c) != std::string_view::npos) continue;
    out += c;
  }
  return out;
}

}  // namespace

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

bool IsStateChanging(Method m) {
  switch (m) {
    case Method::kPost:
    case Method::kPut:
    case Method::kPatch:
    case Method::kDelete:
      return true;
    case Method::kGet:
    case Method::kHead:
    case Method::kOptions:
    case Method::kOther:
      return false;
  }
  return false;
}

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (IEquals(key, name)) return value;
  }
  return {};
}

std::string Request::Cookie(std::string_view name) const {
  std::string_view rest = Header("cookie");
  while (!rest.empty()) {
    size_t semi = rest.find(';');
    std::string_view pair = TrimSpaces(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (TrimSpaces(pair.substr(0, eq)) != name) continue;
    std::string_view value = TrimSpaces(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return {};
}

std::string Request::QueryParam(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    size_t eq = pair.find('=');
    std::string key;
    if (!PercentDecode(pair.substr(0, eq), true, &key) || key != name) continue;
    std::string value;
    if (eq != std::string_view::npos && !PercentDecode(pair.substr(eq + 1), true, &value)) continue;
    return value;
  }
  return {};
}

Response Response::Html(std::string body, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response Response::Json(std::string body, int status) {
  Response r = Html(std::move(body), status);
  r.content_type = "application/json; charset=utf-8";
  return r;
}

Response Response::Text(std::string body, int status) {
  Response r = Html(std::move(body), status);
  r.content_type = "text/plain; charset=utf-8";
  return r;
}

Response Response::Redirect(std::string location, int status) {
  Response r = Text("", status);
  r.SetHeader("Location", std::move(location));
  return r;
}

void Response::SetHeader(std::string name, std::string value) {
  name = StripHeaderBreakers(name, ": ");
  value = StripHeaderBreakers(value);
  for (auto& [key, old] : headers) {
    if (IEquals(key, name)) {
      old = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

void Response::SetCookie(std::string_view name, std::string_view value,
                         const CookieOptions& options) {
  // ';' would start a new attribute, so a value could forge e.g. "Domain=" or drop "Secure".
  std::string line = StripHeaderBreakers(name, ";=, \t\"");
  line += '=';
  line += StripHeaderBreakers(value, "; \t,");
  std::string path = StripHeaderBreakers(options.path, ";");
  if (!path.empty()) line += "; Path=" + path;
  if (options.max_age_seconds >= 0) {
    line += "; Max-Age=" + std::to_string(options.max_age_seconds);
    if (options.max_age_seconds == 0) line += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  }
  if (options.http_only) line += "; HttpOnly";
  if (options.secure) line += "; Secure";
  std::string same_site = StripHeaderBreakers(options.same_site, "; \t");
  if (!same_site.empty()) line += "; SameSite=" + same_site;
  headers.emplace_back("Set-Cookie", std::move(line));
}

bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;  // truncated escape
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      *out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_as_space) {
      *out += ' ';
    } else {
      *out += c;
    }
  }
  return true;
}

std::string PercentEncode(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace gongkai::web
