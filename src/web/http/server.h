// HttpServer: Boost.Beast/Asio HTTP/1.1 server. Async I/O on a few threads, so thousands of idle
// keep-alive connections cost no threads; blocking handlers run on a separate worker pool.
//
// The server enforces the transport limits (header size, body size, idle and read timeouts), adds
// the security headers to every response, serves embedded static assets with cache headers, and
// writes an access log line per request. Application concerns (sessions, CSRF) live in the
// handlers' wrapper.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"
#include "web/http/router.h"

namespace gongkai::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: pick an ephemeral port (tests); port() tells which
  int io_threads = 1;
  int worker_threads = 4;
  size_t max_header_bytes = 16 * 1024;      // larger: 431
  size_t max_body_bytes = 8 * 1024 * 1024;  // larger: 413
  std::chrono::seconds read_timeout{15};    // whole request must arrive within this (slowloris)
  std::chrono::seconds idle_timeout{60};    // keep-alive connection with no request
  bool access_log = true;
};

// An embedded static file, served under /static/.
struct StaticAsset {
  std::string content_type;
  std::string body;
  std::string etag;  // quoted strong ETag, computed at startup
};
using StaticAssets = std::unordered_map<std::string, StaticAsset>;  // key: path after /static/

class HttpServer {
 public:
  HttpServer(ServerOptions options, const Router& router, const StaticAssets* assets);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the threads; returns once listening (or with the bind error).
  Status Start();
  uint16_t port() const;
  // Stops accepting, closes connections, joins threads. Safe to call twice.
  void Stop();
  // Blocks until Stop() is called (e.g. from a signal handler thread).
  void Wait();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// The security headers added to every response (also used by tests).
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

// A StaticAsset with its strong ETag computed from the body (a 64-bit FNV-1a hash, quoted).
StaticAsset MakeStaticAsset(std::string content_type, std::string body);

}  // namespace gongkai::web
