// One client connection: reads requests with Beast under the transport limits, dispatches them and
// writes the responses. Internal to the server; handlers never see it.
#pragma once

#include <utility>  // before Asio with Boost 1.74 + C++20

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "web/http/router.h"
#include "web/http/server.h"

namespace gongkai::web {

class Connection;

// The open connections, so Stop() can close them. Thread-safe.
class ConnectionRegistry {
 public:
  void Add(const std::shared_ptr<Connection>& c);
  void Remove(Connection* c);
  // Only while no I/O thread runs (after the io_context stopped).
  void CloseAll();
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> open_;
};

struct ServerContext {
  const ServerOptions& options;
  const Router& router;
  const StaticAssets* assets;
  boost::asio::thread_pool& workers;
  ConnectionRegistry& registry;
  // The largest body any route accepts: what the parser allows until the route is known.
  size_t largest_body_bytes = 0;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::ip::tcp::socket socket, const ServerContext& context);
  ~Connection();
  void Start();
  // Closes the socket at once; only while no I/O thread runs.
  void CloseNow();

 private:
  void ReadRequest();
  void WaitForNextRequest();
  void OnHeader(boost::beast::error_code ec);
  void ReadBody();
  void OnBody(boost::beast::error_code ec);
  void OnReadError(boost::beast::error_code ec);
  void Send(Response response, bool close);
  // A ready answer from the route (RouteOptions::ready), or null to run its handler.
  std::shared_ptr<const PreparedResponse> Ready(const Route& route);
  void SendPrepared(std::shared_ptr<const PreparedResponse> response);
  void LogAccess(int status, size_t body_bytes) const;
  void OnWritten(boost::beast::error_code ec, bool keep_alive);
  void LingeringClose();
  void Drain();

  const ServerContext& context_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::optional<boost::beast::http::response<boost::beast::http::string_body>> response_;
  Request request_;
  std::string remote_ip_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace gongkai::web
