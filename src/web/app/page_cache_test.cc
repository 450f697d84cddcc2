#include "web/app/page_cache.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

Response Page(std::string body, int status = 200) {
  return Response::Html(std::move(body), status);
}

TEST(PageCacheTest, HitsWithinAGenerationAndCarriesAnETag) {
  PageCache cache(1 << 20);
  EXPECT_EQ(cache.Get("/a", 1), nullptr);
  auto stored = cache.Put("/a", 1, Page("<p>甲</p>"));
  ASSERT_NE(stored, nullptr);
  auto hit = cache.Get("/a", 1);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->response.body, "<p>甲</p>");
  EXPECT_EQ(hit->etag, PageCache::ETagOf("<p>甲</p>"));
  bool has_etag = false;
  for (const auto& [n, v] : hit->response.headers) has_etag |= n == "ETag" && v == hit->etag;
  EXPECT_TRUE(has_etag);
  EXPECT_NE(PageCache::ETagOf("a"), PageCache::ETagOf("b"));
  EXPECT_EQ(cache.Get("/b", 1), nullptr);
}

TEST(PageCacheTest, ANewerGenerationDropsEverythingAndOldRendersAreNotStored) {
  PageCache cache(1 << 20);
  ASSERT_NE(cache.Put("/a", 1, Page("old")), nullptr);
  EXPECT_EQ(cache.Get("/a", 2), nullptr);  // data changed
  EXPECT_EQ(cache.entries(), 0u);
  // A page rendered before the change finishes late: it must not be served as current.
  EXPECT_EQ(cache.Put("/a", 1, Page("old")), nullptr);
  EXPECT_EQ(cache.Get("/a", 2), nullptr);
  ASSERT_NE(cache.Put("/a", 2, Page("new")), nullptr);
  EXPECT_EQ(cache.Get("/a", 2)->response.body, "new");
  EXPECT_EQ(cache.Get("/a", 1), nullptr);  // an older reader gets nothing stale either
}

TEST(PageCacheTest, StaysWithinItsBoundEvictingLeastRecentlyUsed) {
  const size_t bound = 64 * 1024;
  PageCache cache(bound);
  std::string body(5 * 1024, 'x');  // counted twice (the answer and its wire form)
  for (int i = 0; i < 20; ++i) {
    ASSERT_NE(cache.Put("/p" + std::to_string(i), 1, Page(body)), nullptr);
    if (i == 3) {
      ASSERT_NE(cache.Get("/p0", 1), nullptr);  // /p0 recently used
    }
    EXPECT_LE(cache.bytes(), bound);
  }
  EXPECT_LT(cache.entries(), 7u);
  EXPECT_NE(cache.Get("/p19", 1), nullptr);
  EXPECT_EQ(cache.Get("/p1", 1), nullptr);
  // Larger than the whole cache: not stored, nothing evicted for it.
  size_t before = cache.entries();
  EXPECT_EQ(cache.Put("/huge", 1, Page(std::string(bound, 'y'))), nullptr);
  EXPECT_EQ(cache.entries(), before);
}

TEST(PageCacheTest, StoresOnlyPlainPublicAnswers) {
  PageCache cache(1 << 20);
  EXPECT_EQ(cache.Put("/404", 1, Page("missing", 404)), nullptr);
  EXPECT_EQ(cache.Put("/400", 1, Page("bad", 400)), nullptr);
  EXPECT_EQ(cache.Put("/500", 1, Page("oops", 500)), nullptr);
  Response redirect = Response::Redirect("/x");
  EXPECT_EQ(cache.Put("/r", 1, redirect), nullptr);
  Response cookie = Page("form");
  cookie.headers.emplace_back("Set-Cookie", "gk_csrf=abc; Path=/");
  EXPECT_EQ(cache.Put("/c", 1, cookie), nullptr);
  Response priv = Page("mine");
  priv.SetHeader("Cache-Control", "private, no-store");
  EXPECT_EQ(cache.Put("/p", 1, priv), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
}

}  // namespace
}  // namespace gongkai::web
