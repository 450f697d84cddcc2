#include "web/http/responses.h"

#include <cstdio>

namespace gongkai::web {
namespace {

struct StatusText {
  int status;
  const char* zh;
  const char* en;
};

constexpr StatusText kTexts[] = {
    {400, "请求格式错误", "Bad Request"},
    {403, "禁止访问", "Forbidden"},
    {404, "页面不存在", "Not Found"},
    {405, "不允许的请求方法", "Method Not Allowed"},
    {408, "请求超时", "Request Timeout"},
    {413, "请求内容过大", "Request body too large"},
    {431, "请求头过大", "Request header fields too large"},
    {500, "服务器内部错误", "Internal Server Error"},
    {503, "服务暂时不可用", "Service Unavailable"},
};

StatusText TextOf(int status) {
  for (const auto& t : kTexts) {
    if (t.status == status) return t;
  }
  return {status, "请求失败", "Request failed"};
}

}  // namespace

bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    size_t comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

namespace {

bool HasQueryParam(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.substr(0, pair.find('=')) == name) return true;
  }
  return false;
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> kHeaders = {
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return kHeaders;
}

StaticAsset MakeStaticAsset(std::string content_type, std::string body) {
  uint64_t hash = 1469598103934665603ULL;
  for (char c : body) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char etag[24];
  std::snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return StaticAsset{std::move(content_type), std::move(body), etag};
}

Response ErrorPage(int status) {
  StatusText t = TextOf(status);
  std::string code = std::to_string(status);
  return Response::Html(
      "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + code + " " +
          t.zh + "</title></head>\n<body><h1>" + code + " " + t.zh + "</h1><p>" + t.en +
          "</p><p><a href=\"/\">返回首页 / Home</a></p></body></html>\n",
      status);
}

Response TransportError(int status) {
  StatusText t = TextOf(status);
  return Response::Text(std::to_string(status) + " " + t.zh + " / " + t.en + "\n", status);
}

Response ServeStatic(const StaticAssets* assets, std::string_view key, const Request& request) {
  if (assets == nullptr) return ErrorPage(404);
  auto it = assets->find(std::string(key));
  if (it == assets->end()) return ErrorPage(404);
  const StaticAsset& asset = it->second;
  Response r;
  // A "?v=<hash>" URL changes whenever the file does, so it may be cached forever.
  r.SetHeader("Cache-Control", HasQueryParam(request.query, "v")
                                   ? "public, max-age=31536000, immutable"
                                   : "public, max-age=3600");
  if (!asset.etag.empty()) {
    r.SetHeader("ETag", asset.etag);
    if (EtagMatches(request.Header("if-none-match"), asset.etag)) {
      r.status = 304;
      r.content_type.clear();
      return r;
    }
  }
  r.content_type = asset.content_type;
  r.body = asset.body;
  return r;
}

}  // namespace gongkai::web
