#include "web/app/page_cache.h"

#include <algorithm>
#include <cctype>

#include "web/app/app.h"
#include "web/http/responses.h"

namespace gongkai::web {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A member of staff signed in: never answered from the cache.
bool HasSession(const Request& req) { return !req.Cookie("gk_session").empty(); }

// The host is part of the key: feeds carry absolute URLs derived from it when the server has no
// --public-url.
std::string CacheKey(const Request& req) {
  return std::string(req.Header("host")) + " " + req.target;
}

Response NotModified(const CachedPage& page) {
  Response r;
  r.status = 304;
  r.content_type.clear();
  for (const auto& [name, value] : page.response.headers) {
    std::string lower = Lower(name);
    if (lower == "etag" || lower == "cache-control" || lower == "vary") {
      r.headers.emplace_back(name, value);
    }
  }
  return r;
}

}  // namespace

bool PageCache::Cacheable(const Response& response) {
  if (response.status != 200) return false;
  for (const auto& [name, value] : response.headers) {
    std::string lower = Lower(name);
    if (lower == "set-cookie") return false;
    if (lower == "cache-control") {
      std::string v = Lower(value);
      if (v.find("private") != std::string::npos || v.find("no-store") != std::string::npos)
        return false;
    }
  }
  return true;
}

std::string PageCache::ETagOf(std::string_view body) {
  // FNV-1a, 64 bits, twice with different offsets: a tag, not a security boundary.
  uint64_t a = 0xcbf29ce484222325ull, b = 0x84222325cbf29ce4ull;
  for (unsigned char c : body) {
    a = (a ^ c) * 0x100000001b3ull;
    b = (b ^ c) * 0x100000001b3ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (uint64_t v : {a, b}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
  }
  out += '"';
  return out;
}

void PageCache::ClearLocked() {
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

void PageCache::AdvanceLocked(uint64_t generation) {
  if (generation > generation_) {
    generation_ = generation;
    ClearLocked();
  }
}

std::shared_ptr<const CachedPage> PageCache::Get(const std::string& key, uint64_t generation) {
  std::lock_guard lock(mu_);
  AdvanceLocked(generation);
  if (generation != generation_) return nullptr;
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->page;
}

std::shared_ptr<const CachedPage> PageCache::Put(const std::string& key, uint64_t generation,
                                                 const Response& response) {
  if (!Cacheable(response)) return nullptr;
  auto page = std::make_shared<CachedPage>();
  page->response = response;
  page->etag = ETagOf(response.body);
  page->response.SetHeader("ETag", page->etag);
  Response hit = page->response;
  hit.SetHeader("X-Cache", "hit");
  page->hit = std::make_shared<const PreparedResponse>(Prepare(hit));
  page->not_modified = std::make_shared<const PreparedResponse>(Prepare(NotModified(*page)));
  page->bytes = key.size() + 2 * response.body.size() + response.content_type.size() +
                page->hit->head.size() + page->not_modified->head.size() + 256;
  for (const auto& [name, value] : response.headers) page->bytes += name.size() + value.size();
  if (page->bytes > max_bytes_) return nullptr;
  std::lock_guard lock(mu_);
  AdvanceLocked(generation);
  if (generation != generation_) return nullptr;  // rendered from older data
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->page->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front({key, page});
  index_[key] = lru_.begin();
  bytes_ += page->bytes;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().page->bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
  return page;
}

size_t PageCache::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

size_t PageCache::entries() const {
  std::lock_guard lock(mu_);
  return lru_.size();
}

Handler Cached(App& app, Handler handler) {
  return [&app, handler = std::move(handler)](Request& req) -> Response {
    if (req.method != Method::kGet && req.method != Method::kHead) return handler(req);
    if (HasSession(req)) {
      Response r = handler(req);
      r.SetHeader("Cache-Control", "private, no-store");
      return r;
    }
    std::string key = CacheKey(req);
    uint64_t generation = app.change_watch().Current();  // before rendering: never newer than data
    std::shared_ptr<const CachedPage> page = app.page_cache().Get(key, generation);
    const char* state = "hit";
    Response fresh;
    if (page == nullptr) {
      std::erase_if(req.headers, [](const auto& h) { return h.first == "cookie"; });
      fresh = handler(req);
      if (PageCache::Cacheable(fresh)) fresh.SetHeader("Cache-Control", "no-cache");
      page = app.page_cache().Put(key, generation, fresh);
      state = "miss";
    }
    if (page == nullptr) {
      fresh.SetHeader("X-Cache", "bypass");
      return fresh;
    }
    if (EtagMatches(req.Header("if-none-match"), page->etag)) return NotModified(*page);
    Response r = page->response;
    r.SetHeader("X-Cache", state);
    return r;
  };
}

RouteOptions FromCache(App& app) {
  RouteOptions options;
  options.ready = [&app](const Request& req) -> std::shared_ptr<const PreparedResponse> {
    if (HasSession(req)) return nullptr;
    std::optional<uint64_t> generation = app.change_watch().Peek();
    if (!generation) return nullptr;  // the handler's thread reads the database
    std::shared_ptr<const CachedPage> page = app.page_cache().Get(CacheKey(req), *generation);
    if (page == nullptr) return nullptr;
    return EtagMatches(req.Header("if-none-match"), page->etag) ? page->not_modified : page->hit;
  };
  return options;
}

}  // namespace gongkai::web
