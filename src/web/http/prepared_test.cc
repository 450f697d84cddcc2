#include "web/http/prepared.h"

#include <gtest/gtest.h>

#include "web/http/server.h"

namespace gongkai::web {
namespace {

TEST(Prepare, WritesTheStatusLineHeadersAndLength) {
  Response r = Response::Html("<p>你好</p>");
  r.SetHeader("ETag", "\"abc\"");
  PreparedResponse p = Prepare(r);
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, "<p>你好</p>");
  EXPECT_TRUE(
      p.head.starts_with("HTTP/1.1 200 OK\r\nServer: gongkai\r\n"
                         "Content-Type: text/html; charset=utf-8\r\nETag: \"abc\"\r\n"))
      << p.head;
  EXPECT_TRUE(p.head.ends_with("Content-Length: " + std::to_string(p.body.size()) + "\r\n\r\n"));
  for (const auto& [name, value] : SecurityHeaders()) {
    EXPECT_NE(p.head.find(name + ": " + value + "\r\n"), std::string::npos) << name;
  }
}

TEST(Prepare, NotModifiedHasNoBodyNorLength) {
  Response r;
  r.status = 304;
  r.content_type.clear();
  r.SetHeader("ETag", "\"abc\"");
  PreparedResponse p = Prepare(r);
  EXPECT_TRUE(p.head.starts_with("HTTP/1.1 304 Not Modified\r\n")) << p.head;
  EXPECT_EQ(p.head.find("\r\nContent-Length:"), std::string::npos);
  EXPECT_EQ(p.head.find("\r\nContent-Type:"), std::string::npos);
  EXPECT_TRUE(p.body.empty());
}

TEST(WireHeaders, DropLineBreaksAndSenderFieldsAndKeepTheHandlersSecurityHeader) {
  Response r = Response::Text("x");
  r.SetHeader("X-Evil\r\nSet-Cookie", "a\r\nb");
  r.SetHeader("Content-Length", "999");
  r.SetHeader("connection", "close");
  r.SetHeader("content-security-policy", "default-src 'none'");
  auto headers = WireHeaders(r);
  int csp = 0;
  for (const auto& [name, value] : headers) {
    EXPECT_EQ(name.find_first_of("\r\n"), std::string::npos);
    EXPECT_EQ(value.find_first_of("\r\n"), std::string::npos);
    EXPECT_NE(name, "Content-Length");
    EXPECT_NE(name, "connection");
    if (name == "content-security-policy" || name == "Content-Security-Policy") {
      ++csp;
      EXPECT_EQ(value, "default-src 'none'");
    }
  }
  EXPECT_EQ(csp, 1);
  EXPECT_EQ(headers[0].first, "Server");
}

}  // namespace
}  // namespace gongkai::web
