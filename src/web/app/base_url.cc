// The site's public address for absolute URLs (feeds).
#include <cctype>

#include "web/app/app.h"

namespace gongkai::web {
namespace {

// host[:port] of letters, digits, '.', '-' (or an IPv6 literal in brackets); nothing else, so a
// forged Host cannot inject markup or a path into a feed.
bool PlainHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  std::string_view name = host;
  if (name.front() == '[') {
    size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    for (char c : name.substr(1, close - 1)) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
    }
    name = name.substr(close + 1);
    if (name.empty()) return true;
    if (name.front() != ':') return false;
  } else {
    size_t colon = name.find(':');
    std::string_view label = name.substr(0, colon);
    if (label.empty()) return false;
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
    }
    if (colon == std::string_view::npos) return true;
    name = name.substr(colon);
  }
  std::string_view port = name.substr(1);
  if (port.empty() || port.size() > 5) return false;
  for (char c : port) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::string PublicBaseUrl(const App& app, const Request& req) {
  std::string url = app.options().public_url;
  if (!url.empty()) {
    while (url.ends_with('/')) url.pop_back();
    return url;
  }
  std::string_view host = req.Header("host");
  std::string scheme = app.options().secure_cookies ? "https://" : "http://";
  return scheme + (PlainHost(host) ? std::string(host) : std::string("localhost"));
}

}  // namespace gongkai::web
