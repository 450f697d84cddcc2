#include "web/http/http.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

TEST(PercentDecode, Table) {
  struct Case {
    std::string in;
    bool plus;
    bool ok;
    std::string out;
  } cases[] = {
      {"", false, true, ""},
      {"abc", false, true, "abc"},
      {"a%20b", false, true, "a b"},
      {"a+b", false, true, "a+b"},
      {"a+b", true, true, "a b"},
      {"%E4%B8%AD%e6%96%87", true, true, "中文"},
      {"%00", false, true, std::string(1, '\0')},
      {"%", false, false, ""},
      {"%4", false, false, ""},
      {"ab%4", false, false, ""},
      {"%G1", false, false, ""},
      {"%1G", false, false, ""},
      {"100%", true, false, ""},
  };
  for (const auto& c : cases) {
    std::string out;
    EXPECT_EQ(PercentDecode(c.in, c.plus, &out), c.ok) << c.in;
    if (c.ok) {
      EXPECT_EQ(out, c.out) << c.in;
    }
  }
}

TEST(PercentEncode, RoundTrips) {
  EXPECT_EQ(PercentEncode("a b/中"), "a%20b%2F%E4%B8%AD");
  EXPECT_EQ(PercentEncode("AZaz09-._~"), "AZaz09-._~");
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  std::string back;
  ASSERT_TRUE(PercentDecode(PercentEncode(all), false, &back));
  EXPECT_EQ(back, all);
}

TEST(HtmlEscape, EscapesMarkup) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(Method, NamesAndStateChanging) {
  EXPECT_EQ(MethodName(Method::kDelete), "DELETE");
  EXPECT_TRUE(IsStateChanging(Method::kPost));
  EXPECT_TRUE(IsStateChanging(Method::kPut));
  EXPECT_TRUE(IsStateChanging(Method::kPatch));
  EXPECT_TRUE(IsStateChanging(Method::kDelete));
  EXPECT_FALSE(IsStateChanging(Method::kGet));
  EXPECT_FALSE(IsStateChanging(Method::kHead));
  EXPECT_FALSE(IsStateChanging(Method::kOptions));
}

TEST(Request, HeaderIsCaseInsensitive) {
  Request r;
  r.headers = {{"content-type", "text/html"}, {"x-a", "1"}, {"x-a", "2"}};
  EXPECT_EQ(r.Header("Content-Type"), "text/html");
  EXPECT_EQ(r.Header("X-A"), "1");
  EXPECT_EQ(r.Header("missing"), "");
}

TEST(Request, Cookie) {
  struct Case {
    std::string header, name, want;
  } cases[] = {
      {"a=b; c=d", "a", "b"},
      {"a=b; c=d", "c", "d"},
      {"a=b;c=d", "c", "d"},
      {"  sid = xyz ; other=1", "sid", "xyz"},
      {"sid=\"quoted\"", "sid", "quoted"},
      {"sid=", "sid", ""},
      {"novalue; sid=1", "sid", "1"},
      {"asid=1; sid=2", "sid", "2"},
      {"a=b", "missing", ""},
      {"", "a", ""},
      {"a=x=y", "a", "x=y"},
  };
  for (const auto& c : cases) {
    Request r;
    r.headers = {{"cookie", c.header}};
    EXPECT_EQ(r.Cookie(c.name), c.want) << c.header;
  }
}

TEST(Request, QueryParam) {
  Request r;
  r.query = "q=%E4%B8%AD+x&empty=&flag&bad=%G&page=2&q=second";
  EXPECT_EQ(r.QueryParam("q"), "中 x");
  EXPECT_EQ(r.QueryParam("page"), "2");
  EXPECT_EQ(r.QueryParam("empty"), "");
  EXPECT_EQ(r.QueryParam("flag"), "");
  EXPECT_EQ(r.QueryParam("bad"), "");
  EXPECT_EQ(r.QueryParam("none"), "");
}

TEST(Response, Factories) {
  EXPECT_EQ(Response::Json("{}").content_type, "application/json; charset=utf-8");
  EXPECT_EQ(Response::Text("x", 400).content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(Response::Text("x", 400).status, 400);
  EXPECT_EQ(Response::Html("x").content_type, "text/html; charset=utf-8");
  Response redirect = Response::Redirect("/cases/1");
  EXPECT_EQ(redirect.status, 303);
  ASSERT_EQ(redirect.headers.size(), 1u);
  EXPECT_EQ(redirect.headers[0], (std::pair<std::string, std::string>{"Location", "/cases/1"}));
}

TEST(Response, SetHeaderReplacesAndStripsLineBreaks) {
  Response r;
  r.SetHeader("X-Test", "1");
  r.SetHeader("x-test", "2\r\nSet-Cookie: evil=1");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "2Set-Cookie: evil=1");
}

TEST(Response, SetCookie) {
  struct Case {
    std::string name, value;
    CookieOptions options;
    std::string want;
  } cases[] = {
      {"sid", "abc", {}, "sid=abc; Path=/; HttpOnly; SameSite=Lax"},
      {"sid",
       "abc",
       {3600, true, true, "Strict", "/admin"},
       "sid=abc; Path=/admin; Max-Age=3600; HttpOnly; Secure; SameSite=Strict"},
      {"sid",
       "",
       {0, false, false, "Lax", "/"},
       "sid=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax"},
      {"sid", "a;Domain=evil\r\nX: y", {}, "sid=aDomain=evilX:y; Path=/; HttpOnly; SameSite=Lax"},
      {"s;i d", "v", {}, "sid=v; Path=/; HttpOnly; SameSite=Lax"},
  };
  for (const auto& c : cases) {
    Response r;
    r.SetCookie(c.name, c.value, c.options);
    ASSERT_EQ(r.headers.size(), 1u);
    EXPECT_EQ(r.headers[0].first, "Set-Cookie");
    EXPECT_EQ(r.headers[0].second, c.want);
  }
  Response two;
  two.SetCookie("a", "1");
  two.SetCookie("b", "2");
  EXPECT_EQ(two.headers.size(), 2u);  // cookies accumulate, unlike SetHeader
}

}  // namespace
}  // namespace gongkai::web
