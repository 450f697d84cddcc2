// PageCache: rendered public pages kept in memory, so the portal answers at the speed of static
// files. Entries are keyed by the caller (host + request target) and belong to a generation of the
// data (service::ChangeWatch): asking with a newer generation drops every older entry, and a page
// rendered under an older generation than the cache has seen is not stored. The cache is bounded
// by the bytes it holds and evicts the least recently used entries first.
//
// Only plain public answers are stored: status 200, no Set-Cookie, no "Cache-Control: private" or
// "no-store". Whether a request may be answered from the cache at all (no staff session) is the
// caller's decision (Cached, below). Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "web/http/http.h"
#include "web/http/prepared.h"
#include "web/http/router.h"

namespace gongkai::web {

class App;

struct CachedPage {
  Response response;  // with its ETag header
  std::string etag;   // quoted, e.g. "\"3f2a…\""
  // The same answer on the wire, for the I/O thread: 200 (X-Cache: hit) and 304.
  std::shared_ptr<const PreparedResponse> hit, not_modified;
  size_t bytes = 0;  // what the entry counts against the bound
};

class PageCache {
 public:
  explicit PageCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The entry under key if it belongs to `generation`; null otherwise. A newer generation than
  // the cache's drops every entry.
  std::shared_ptr<const CachedPage> Get(const std::string& key, uint64_t generation);
  // Stores the response (rendered under `generation`) when it is cacheable and fits; returns the
  // stored entry, or null when it was not stored.
  std::shared_ptr<const CachedPage> Put(const std::string& key, uint64_t generation,
                                        const Response& response);

  static bool Cacheable(const Response& response);
  // A strong entity tag of a body.
  static std::string ETagOf(std::string_view body);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedPage> page;
  };
  void ClearLocked();
  void AdvanceLocked(uint64_t generation);

  const size_t max_bytes_;
  mutable std::mutex mu_;
  uint64_t generation_ = 0;
  size_t bytes_ = 0;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

// Serves a public GET/HEAD route from the app's page cache; other methods, and requests of a
// signed-in member of staff (a session cookie), go to the handler every time. A route opts in with
// one line: r.Get("/publications/{id}", Cached(app, Wrap(app, Access::kPublic, PublicationPage)),
// FromCache(app)); The handler sees the request without its cookies, so what it renders is the
// same for every anonymous visitor. Answers carry an ETag; a matching If-None-Match gets 304.
Handler Cached(App& app, Handler handler);
// The route options that let the I/O thread answer a cached page itself (RouteOptions::ready)
// when the data's generation is known without reading the database; a miss goes to Cached.
RouteOptions FromCache(App& app);

}  // namespace gongkai::web
