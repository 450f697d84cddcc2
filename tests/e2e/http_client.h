// A small synchronous HTTP/1.1 client for end-to-end tests, with a cookie jar (name → value).
#pragma once

#include <utility>  // before Asio with C++20 (Boost 1.74)

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <map>
#include <string>

namespace gongkai::e2e {

struct HttpResult {
  int status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}

  HttpResult Get(const std::string& target) { return Send("GET", target, "", ""); }
  HttpResult PostForm(const std::string& target, const std::string& body,
                      const std::map<std::string, std::string>& extra = {}) {
    return Send("POST", target, body, "application/x-www-form-urlencoded", extra);
  }

  HttpResult Send(const std::string& method, const std::string& target, const std::string& body,
                  const std::string& content_type,
                  const std::map<std::string, std::string>& extra = {}) {
    namespace beast = boost::beast;
    namespace http = beast::http;
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket(ioc);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port_});
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
    if (!content_type.empty()) req.set(http::field::content_type, content_type);
    std::string cookie;
    for (const auto& [k, v] : cookies) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    if (!cookie.empty()) req.set(http::field::cookie, cookie);
    for (const auto& [k, v] : extra) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    http::write(socket, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(socket, buffer, res);
    HttpResult out;
    out.status = static_cast<int>(res.result_int());
    out.body = res.body();
    for (const auto& h : res) {
      std::string name(h.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers.emplace(name, std::string(h.value()));
      if (name == "set-cookie") Remember(std::string(h.value()));
    }
    beast::error_code ec;
    socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    return out;
  }

  std::map<std::string, std::string> cookies;

 private:
  void Remember(const std::string& set_cookie) {
    size_t eq = set_cookie.find('='), semi = set_cookie.find(';');
    if (eq == std::string::npos) return;
    std::string name = set_cookie.substr(0, eq);
    std::string value =
        set_cookie.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (set_cookie.find("Max-Age=0") != std::string::npos || value.empty()) {
      cookies.erase(name);
    } else {
      cookies[name] = value;
    }
  }
  unsigned short port_;
};

// The value of <input name="NAME" value="…"> in html, or "".
inline std::string InputValue(const std::string& html, const std::string& name) {
  size_t at = html.find("name=\"" + name + "\"");
  if (at == std::string::npos) return "";
  size_t v = html.find("value=\"", at);
  if (v == std::string::npos) return "";
  v += 7;
  return html.substr(v, html.find('"', v) - v);
}

}  // namespace gongkai::e2e
