#include "web/http/router.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Text(name); };
}

std::string Outcome(const Router::Match& m) {
  if (m.route == nullptr) return m.method_not_allowed ? "405" : "404";
  Request r;
  return m.route->handler(r).body;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.Get("/", Named("home"));
    router_.Get("/agencies", Named("agencies"));
    router_.Get("/agencies/{id}", Named("agency"));
    router_.Get("/agencies/new", Named("new-agency"));
    router_.Post("/agencies/{id}", Named("update-agency"));
    router_.Get("/cases/{case}/files/{file}", Named("file"));
    router_.Add(Method::kHead, "/probe", Named("head-probe"));
    router_.Get("/probe", Named("get-probe"));
  }
  Router router_;
};

TEST_F(RouterTest, Table) {
  struct Case {
    Method method;
    std::string path, want;
  } cases[] = {
      {Method::kGet, "/", "home"},
      {Method::kGet, "/agencies", "agencies"},
      {Method::kGet, "/agencies/", "404"},  // trailing slash is another path
      {Method::kGet, "/agencies/42", "agency"},
      {Method::kGet, "/agencies/new", "new-agency"},  // literal beats {id}
      {Method::kPost, "/agencies/42", "update-agency"},
      {Method::kPost, "/agencies/new", "update-agency"},
      {Method::kHead, "/agencies/42", "agency"},  // HEAD uses GET
      {Method::kHead, "/probe", "head-probe"},    // unless HEAD is registered
      {Method::kGet, "/probe", "get-probe"},
      {Method::kDelete, "/agencies/42", "405"},
      {Method::kPost, "/agencies", "405"},
      {Method::kGet, "/agencies/42/x", "404"},
      {Method::kGet, "/agencies//", "404"},
      {Method::kGet, "/nope", "404"},
      {Method::kGet, "", "home"},
      {Method::kGet, "/cases/7/files/a.pdf", "file"},
      {Method::kGet, "/agencies/%ZZ", "404"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Outcome(router_.Find(c.method, c.path)), c.want)
        << MethodName(c.method) << " " << c.path;
  }
}

TEST_F(RouterTest, ParamsAreDecoded) {
  auto m = router_.Find(Method::kGet, "/cases/%E4%B8%AD/files/a%2Fb%20c.pdf");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("case"), "中");
  EXPECT_EQ(m.params.at("file"), "a/b c.pdf");
  // A decoded literal matches too.
  EXPECT_NE(router_.Find(Method::kGet, "/%61gencies").route, nullptr);
}

TEST_F(RouterTest, MethodNotAllowedListsAllowed) {
  auto m = router_.Find(Method::kDelete, "/agencies/42");
  EXPECT_TRUE(m.method_not_allowed);
  EXPECT_EQ(AllowHeader(m.allowed), "GET, HEAD, POST");
  auto found = router_.Find(Method::kGet, "/agencies/42");
  EXPECT_FALSE(found.method_not_allowed);
  EXPECT_TRUE(found.allowed.empty());
}

}  // namespace
}  // namespace gongkai::web
