// Starts a real HttpServer on an ephemeral port and talks raw HTTP/1.1 to it over sockets, so the
// tests see exactly the bytes a browser would.
#include "web/http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "web/http/prepared.h"

namespace gongkai::web {
namespace {

using Clock = std::chrono::steady_clock;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    timeval tv{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~Client() { close(fd_); }
  bool connected() const { return connected_; }

  void Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      data.remove_prefix(static_cast<size_t>(n));
    }
  }

  // Reads one response; the body is read by Content-Length unless the request was HEAD.
  Reply Read(bool head = false) {
    Reply reply;
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return reply;
    }
    std::string head_text = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    size_t line_end = head_text.find("\r\n");
    reply.status = std::stoi(head_text.substr(9, 3));
    while (line_end != std::string::npos) {
      size_t next = head_text.find("\r\n", line_end + 2);
      std::string line = head_text.substr(line_end + 2, next - line_end - 2);
      size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(c));
      reply.headers[name] = line.substr(colon + 2);
      line_end = next;
    }
    size_t length =
        reply.headers.count("content-length") ? std::stoul(reply.headers["content-length"]) : 0;
    if (head) length = 0;
    while (buffer_.size() < length) {
      if (!Fill()) break;
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return reply;
  }

  Reply Exchange(std::string_view request, bool head = false) {
    Send(request);
    return Read(head);
  }

  // True when the server closes the connection within the timeout.
  bool ClosedWithin(std::chrono::milliseconds timeout) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
    char c;
    return recv(fd_, &c, 1, 0) <= 0;
  }

 private:
  bool Fill() {
    char chunk[4096];
    ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    router_ = new Router;
    router_->Get(
        "/hello", [](Request&) { return Response::Text("hello 你好"); },
        RouteOptions{.blocking = false});
    router_->Post("/echo", [](Request& r) {
      Response res =
          Response::Text(r.body + "|" + std::string(r.Header("x-test")) + "|" + r.remote_ip);
      res.SetCookie("sid", "v");
      return res;
    });
    router_->Get("/items/{id}", [](Request& r) { return Response::Text(r.path_params["id"]); });
    router_->Post(
        "/upload", [](Request& r) { return Response::Text(std::to_string(r.body.size())); },
        RouteOptions{.max_body_bytes = 4096, .read_timeout = std::chrono::seconds(10)});
    router_->Get("/throw", [](Request&) -> Response { throw std::runtime_error("handler bug"); });
    // A ready answer for ?ready=1 (its body says so), the handler otherwise.
    RouteOptions ready;
    ready.ready = [](const Request& r) -> std::shared_ptr<const PreparedResponse> {
      if (r.query != "ready=1") return nullptr;
      Response res = Response::Text("prepared");
      res.SetHeader("X-From", "ready");
      return std::make_shared<const PreparedResponse>(Prepare(res));
    };
    router_->Get(
        "/page", [](Request&) { return Response::Text("handler"); }, ready);
    assets_ = new StaticAssets;
    (*assets_)["app.css"] = MakeStaticAsset("text/css; charset=utf-8", "body{color:red}");
    ServerOptions options;
    options.port = 0;
    options.max_body_bytes = 1024;
    options.max_header_bytes = 2048;
    options.idle_timeout = std::chrono::seconds(1);
    options.read_timeout = std::chrono::seconds(3);
    options.access_log = false;
    options.worker_threads = 2;
    server_ = new HttpServer(options, *router_, assets_);
    Status s = server_->Start();
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    server_->Stop();
    delete server_;
    delete assets_;
    delete router_;
  }
  static uint16_t port() { return server_->port(); }

  static Router* router_;
  static StaticAssets* assets_;
  static HttpServer* server_;
};

Router* ServerTest::router_;
StaticAssets* ServerTest::assets_;
HttpServer* ServerTest::server_;

TEST_F(ServerTest, GetWithSecurityHeaders) {
  Client c(port());
  Reply r = c.Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "hello 你好");
  EXPECT_EQ(r.headers["content-type"], "text/plain; charset=utf-8");
  EXPECT_EQ(r.headers["content-length"], std::to_string(r.body.size()));
  EXPECT_EQ(r.headers["server"], "gongkai");
  for (const auto& [name, value] : SecurityHeaders()) {
    std::string lower = name;
    for (char& ch : lower) ch = static_cast<char>(std::tolower(ch));
    EXPECT_EQ(r.headers[lower], value) << name;
  }
}

TEST_F(ServerTest, ErrorsAreBilingualAndSecured) {
  struct Case {
    std::string request;
    int status;
    std::string body_part;
  } cases[] = {
      {"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n", 404, "页面不存在"},
      {"DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n", 405, "Method Not Allowed"},
      {"GET /throw HTTP/1.1\r\nHost: x\r\n\r\n", 500, "服务器内部错误"},
      {"GET /a/../hello HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Bad Request"},
      {"GET /a%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Bad Request"},
      {"GARBAGE\r\n\r\n", 400, "400 请求格式错误 / Bad Request"},
      {"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n", 431,
       "431 请求头过大"},
      {"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'b'),
       413, "413 请求内容过大 / Request body too large"},
  };
  for (const auto& c : cases) {
    Client client(port());
    Reply r = client.Exchange(c.request);
    EXPECT_EQ(r.status, c.status) << c.request.substr(0, 40);
    EXPECT_NE(r.body.find(c.body_part), std::string::npos) << r.body;
    EXPECT_EQ(r.headers["x-frame-options"], "DENY");
    if (c.status == 405) {
      EXPECT_EQ(r.headers["allow"], "GET, HEAD");
    }
    if (c.status == 400 || c.status == 413 || c.status == 431) {
      EXPECT_EQ(r.headers["connection"], "close");
      EXPECT_TRUE(client.ClosedWithin(std::chrono::milliseconds(3000)));
    }
  }
}

TEST_F(ServerTest, PostBodyOnWorkerAndParams) {
  Client c(port());
  Reply r =
      c.Exchange("POST /echo HTTP/1.1\r\nHost: x\r\nX-Test: t\r\nContent-Length: 5\r\n\r\nabcde");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "abcde|t|127.0.0.1");
  EXPECT_EQ(r.headers["set-cookie"], "sid=v; Path=/; HttpOnly; SameSite=Lax");
  r = c.Exchange("GET /items/a%20b HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(r.body, "a b");
}

// An upload route takes larger bodies than the server's limit; every other route keeps that limit,
// whether the body comes with a Content-Length or chunked.
TEST_F(ServerTest, RouteWithItsOwnBodyLimit) {
  {
    Client c(port());
    Reply r = c.Exchange("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\n\r\n" +
                         std::string(3000, 'u'));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "3000");
  }
  {
    Client c(port());
    Reply r = c.Exchange("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" +
                         std::string(5000, 'u'));
    EXPECT_EQ(r.status, 413);
  }
  {
    Client c(port());
    Reply r = c.Exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" +
                         std::string(2000, 'e'));
    EXPECT_EQ(r.status, 413);
  }
  {
    Client c(port());
    Reply r =
        c.Exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" +
                   std::string(2000, 'e') + "\r\n0\r\n\r\n");
    EXPECT_EQ(r.status, 413);
  }
}

TEST_F(ServerTest, ExpectContinue) {
  Client c(port());
  c.Send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
  Reply cont = c.Read(true);
  EXPECT_EQ(cont.status, 100);
  c.Send("xyz");
  Reply r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 4), "xyz|");
}

TEST_F(ServerTest, KeepAliveHeadAndPipelining) {
  Client c(port());
  Reply head = c.Exchange("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n", true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers["content-length"], std::to_string(std::string("hello 你好").size()));
  Reply get = c.Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(get.body, "hello 你好");
  // Two requests in one write: both answered, in order.
  c.Send("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.Read().body, "1");
  EXPECT_EQ(c.Read().body, "2");
}

TEST_F(ServerTest, ReadyAnswersGoOutAsPreparedAndTheRestToTheHandler) {
  Client c(port());
  Reply r = c.Exchange("GET /page?ready=1 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "prepared");
  EXPECT_EQ(r.headers["x-from"], "ready");
  EXPECT_EQ(r.headers["content-length"], "8");
  EXPECT_EQ(r.headers["x-frame-options"], "DENY");  // the security headers are in the wire form
  Reply head = c.Exchange("HEAD /page?ready=1 HTTP/1.1\r\nHost: x\r\n\r\n", true);
  EXPECT_EQ(head.headers["content-length"], "8");
  // The connection stays usable after a HEAD (no body bytes were sent), and null means the handler.
  EXPECT_EQ(c.Exchange("GET /page HTTP/1.1\r\nHost: x\r\n\r\n").body, "handler");
  // Not keep-alive HTTP/1.1: the handler answers, so Connection: close and HTTP/1.0 stay right.
  Client old(port());
  Reply r10 = old.Exchange("GET /page?ready=1 HTTP/1.0\r\nHost: x\r\n\r\n");
  EXPECT_EQ(r10.body, "handler");
  Client closing(port());
  Reply rc = closing.Exchange("GET /page?ready=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(rc.body, "handler");
  EXPECT_EQ(rc.headers["connection"], "close");
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  Client c(port());
  Reply r = c.Exchange("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["connection"], "close");
  EXPECT_TRUE(c.ClosedWithin(std::chrono::milliseconds(1000)));
}

TEST_F(ServerTest, StaticAssetsWithEtag) {
  Client c(port());
  Reply r = c.Exchange("GET /static/app.css?v=1 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "body{color:red}");
  EXPECT_EQ(r.headers["content-type"], "text/css; charset=utf-8");
  EXPECT_EQ(r.headers["cache-control"], "public, max-age=31536000, immutable");
  std::string etag = r.headers["etag"];
  ASSERT_FALSE(etag.empty());
  Reply again =
      c.Exchange("GET /static/app.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.headers["etag"], etag);
  EXPECT_EQ(c.Exchange("GET /static/none.js HTTP/1.1\r\nHost: x\r\n\r\n").status, 404);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  Client c(port());
  EXPECT_EQ(c.Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
  auto start = Clock::now();
  EXPECT_TRUE(c.ClosedWithin(std::chrono::milliseconds(3000)));
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2500));  // idle_timeout is 1 s
}

TEST_F(ServerTest, ThousandIdleConnectionsDoNotBlockOthers) {
  std::vector<std::unique_ptr<Client>> idle;
  for (int i = 0; i < 1000; ++i) {
    idle.push_back(std::make_unique<Client>(port()));
    ASSERT_TRUE(idle.back()->connected()) << i;
  }
  auto start = Clock::now();
  Client c(port());
  Reply r = c.Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(1000));
  idle.clear();
}

TEST(HttpServer, StopClosesConnectionsAndWaitReturns) {
  Router router;
  router.Get("/", [](Request&) { return Response::Text("ok"); });
  ServerOptions options;
  options.port = 0;
  options.access_log = false;
  HttpServer server(options, router, nullptr);
  ASSERT_TRUE(server.Start().ok());
  Client c(server.port());
  EXPECT_EQ(c.Exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
  std::thread waiter([&] { server.Wait(); });
  server.Stop();
  waiter.join();
  EXPECT_TRUE(c.ClosedWithin(std::chrono::milliseconds(1000)));
  server.Stop();  // twice is fine
}

TEST(HttpServer, BindErrorIsReported) {
  Router router;
  ServerOptions options;
  options.host = "203.0.113.1";  // TEST-NET-3: not a local address
  options.port = 0;
  HttpServer server(options, router, nullptr);
  Status s = server.Start();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace gongkai::web
