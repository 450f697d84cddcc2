#include "web/http/dispatch.h"

#include <gtest/gtest.h>

#include "web/http/responses.h"

namespace gongkai::web {
namespace {

TEST(SplitTarget, Table) {
  struct Case {
    std::string target;
    bool ok;
    std::string path, query;
  } cases[] = {
      {"/", true, "/", ""},
      {"/a%20b?x=1&y=%20", true, "/a b", "x=1&y=%20"},
      {"/a?", true, "/a", ""},
      {"/%E4%B8%AD", true, "/中", ""},
      {"", false, "", ""},
      {"a/b", false, "", ""},
      {"http://host/a", false, "", ""},
      {"/a%00b", false, "", ""},
      {"/a/../b", false, "", ""},
      {"/a/%2e%2e/b", false, "", ""},
      {"/a/..", false, "", ""},
      {"/a/..b", true, "/a/..b", ""},
      {"/%zz", false, "", ""},
  };
  for (const auto& c : cases) {
    Request r;
    r.target = c.target;
    EXPECT_EQ(SplitTarget(&r), c.ok) << c.target;
    if (c.ok) {
      EXPECT_EQ(r.path, c.path);
      EXPECT_EQ(r.query, c.query);
    }
  }
}

class DispatchTest : public ::testing::Test {
 protected:
  DispatchTest() {
    router_.Get("/admin", [](Request&) { return Response::Text("admin"); });
    router_.Get("/items/{id}", [](Request& r) { return Response::Text(r.path_params["id"]); });
    router_.Get("/boom", [](Request&) -> Response { throw std::runtime_error("boom"); });
    assets_["app.css"] = MakeStaticAsset("text/css", "body{}");
  }
  Dispatch Go(Method m, std::string target,
              std::vector<std::pair<std::string, std::string>> h = {}) {
    request_ = Request{};
    request_.method = m;
    request_.target = std::move(target);
    request_.headers = std::move(h);
    EXPECT_TRUE(SplitTarget(&request_));
    return DispatchRequest(router_, &assets_, request_);
  }
  static std::string HeaderOf(const Response& r, std::string_view name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }
  Router router_;
  StaticAssets assets_;
  Request request_;
};

TEST_F(DispatchTest, RoutesAndParams) {
  Dispatch d = Go(Method::kGet, "/items/a%20b?x=1");
  ASSERT_NE(d.route, nullptr);
  EXPECT_EQ(RunHandler(*d.route, request_).body, "a b");
}

TEST_F(DispatchTest, ErrorsAndRedirects) {
  EXPECT_EQ(Go(Method::kGet, "/nope").response->status, 404);
  Dispatch d = Go(Method::kPost, "/admin");
  EXPECT_EQ(d.response->status, 405);
  EXPECT_EQ(HeaderOf(*d.response, "Allow"), "GET, HEAD");
  d = Go(Method::kGet, "/admin/?a=1");
  EXPECT_EQ(d.response->status, 308);
  EXPECT_EQ(HeaderOf(*d.response, "Location"), "/admin?a=1");
  EXPECT_EQ(Go(Method::kGet, "//admin/").response->status, 404);
}

TEST_F(DispatchTest, HandlerExceptionIs500) {
  Dispatch d = Go(Method::kGet, "/boom");
  ASSERT_NE(d.route, nullptr);
  Response r = RunHandler(*d.route, request_);
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("服务器内部错误"), std::string::npos);
}

TEST_F(DispatchTest, StaticAssets) {
  const std::string etag = assets_["app.css"].etag;
  ASSERT_EQ(etag.size(), 18u);
  Dispatch d = Go(Method::kGet, "/static/app.css");
  EXPECT_EQ(d.response->status, 200);
  EXPECT_EQ(d.response->body, "body{}");
  EXPECT_EQ(d.response->content_type, "text/css");
  EXPECT_EQ(HeaderOf(*d.response, "Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(HeaderOf(*d.response, "ETag"), etag);
  d = Go(Method::kGet, "/static/app.css?v=abc");
  EXPECT_EQ(HeaderOf(*d.response, "Cache-Control"), "public, max-age=31536000, immutable");
  d = Go(Method::kHead, "/static/app.css", {{"if-none-match", "\"x\", W/" + etag}});
  EXPECT_EQ(d.response->status, 304);
  EXPECT_TRUE(d.response->body.empty());
  d = Go(Method::kGet, "/static/app.css", {{"if-none-match", "\"other\""}});
  EXPECT_EQ(d.response->status, 200);
  EXPECT_EQ(Go(Method::kGet, "/static/missing.js").response->status, 404);
}

TEST(ErrorPages, Bilingual) {
  EXPECT_NE(ErrorPage(404).body.find("页面不存在"), std::string::npos);
  EXPECT_NE(ErrorPage(404).body.find("Not Found"), std::string::npos);
  EXPECT_EQ(TransportError(413).body, "413 请求内容过大 / Request body too large\n");
  EXPECT_EQ(TransportError(413).status, 413);
}

}  // namespace
}  // namespace gongkai::web
