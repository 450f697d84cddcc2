#include "web/http/router.h"

#include <algorithm>

namespace gongkai::web {
namespace {

// "/a/b" -> {"a", "b"}; "/" -> {""}; "/a/" -> {"a", ""}.
std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  for (;;) {
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Fills params and a specificity key (true where a literal segment matched) when the path matches.
bool MatchSegments(const std::vector<std::string>& pattern, const std::vector<std::string>& decoded,
                   std::map<std::string, std::string>* params, std::vector<bool>* literal) {
  if (pattern.size() != decoded.size()) return false;
  params->clear();
  literal->clear();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i])) {
      if (decoded[i].empty()) return false;
      (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = decoded[i];
      literal->push_back(false);
    } else {
      if (pattern[i] != decoded[i]) return false;
      literal->push_back(true);
    }
  }
  return true;
}

}  // namespace

void Router::Add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  std::vector<std::string> segments;
  for (std::string_view s : Split(pattern)) segments.emplace_back(s);
  segments_.push_back(std::move(segments));
  routes_.push_back(Route{method, std::move(pattern), std::move(handler), options});
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  std::vector<std::string> decoded;
  for (std::string_view s : Split(path)) {
    std::string d;
    if (!PercentDecode(s, false, &d)) return match;  // malformed escape: no route
    decoded.push_back(std::move(d));
  }
  std::vector<bool> best_key;
  std::vector<bool> key;
  std::map<std::string, std::string> params;
  bool exact_head = false;
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (!MatchSegments(segments_[i], decoded, &params, &key)) continue;
    const Method m = routes_[i].method;
    bool method_ok = m == method || (method == Method::kHead && m == Method::kGet);
    if (!method_ok) {
      match.allowed.push_back(m);
      if (m == Method::kGet) match.allowed.push_back(Method::kHead);
      continue;
    }
    // A route registered for HEAD itself beats the GET fallback at equal specificity.
    bool head_route = method == Method::kHead && m == Method::kHead;
    if (match.route == nullptr || key > best_key ||
        (key == best_key && head_route && !exact_head)) {
      match.route = &routes_[i];
      match.params = params;
      best_key = key;
      exact_head = head_route;
    }
  }
  if (match.route != nullptr) {
    match.allowed.clear();
  } else if (!match.allowed.empty()) {
    match.method_not_allowed = true;
    std::sort(match.allowed.begin(), match.allowed.end());
    match.allowed.erase(std::unique(match.allowed.begin(), match.allowed.end()),
                        match.allowed.end());
  }
  return match;
}

std::string AllowHeader(const std::vector<Method>& methods) {
  std::string out;
  for (Method m : methods) {
    if (!out.empty()) out += ", ";
    out += MethodName(m);
  }
  return out;
}

}  // namespace gongkai::web
