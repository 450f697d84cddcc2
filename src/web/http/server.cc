#include "web/http/server.h"

#include <utility>  // before Asio with Boost 1.74 + C++20

#include <sys/resource.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include "web/http/connection.h"

namespace gongkai::web {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// Every idle keep-alive connection holds a descriptor; the default soft limit (often 1024) would
// stop accepting long before the async design runs out of anything else.
void RaiseFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? 1 << 20 : limit.rlim_max;
  limit.rlim_cur = wanted;
  if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
    spdlog::warn("could not raise the open-file limit to {}", static_cast<uint64_t>(wanted));
  }
}

size_t LargestBody(const ServerOptions& options, const Router& router) {
  size_t largest = options.max_body_bytes;
  for (const Route& route : router.routes())
    largest = std::max(largest, route.options.max_body_bytes);
  return largest;
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(ServerOptions options, const Router& router, const StaticAssets* assets)
      : options_(std::move(options)),
        ioc_(std::max(1, options_.io_threads)),
        workers_(static_cast<size_t>(std::max(1, options_.worker_threads))),
        acceptor_(asio::make_strand(ioc_)),
        retry_timer_(acceptor_.get_executor()),
        context_{options_, router, assets, workers_, registry_, LargestBody(options_, router)} {}

  ~Impl() { Stop(); }

  Status Start() {
    RaiseFileLimit();
    boost::system::error_code ec;
    tcp::resolver resolver(ioc_);
    auto endpoints = resolver.resolve(options_.host, std::to_string(options_.port), ec);
    if (ec || endpoints.empty()) {
      return Unavailable("cannot resolve " + options_.host + ": " + ec.message(),
                         "无法解析监听地址 " + options_.host);
    }
    tcp::endpoint endpoint = endpoints.begin()->endpoint();
    std::string where = options_.host + ":" + std::to_string(options_.port);
    if (acceptor_.open(endpoint.protocol(), ec); ec) return BindError(where, ec);
    if (acceptor_.set_option(asio::socket_base::reuse_address(true), ec); ec) {
      return BindError(where, ec);
    }
    if (acceptor_.bind(endpoint, ec); ec) return BindError(where, ec);
    if (acceptor_.listen(asio::socket_base::max_listen_connections, ec); ec) {
      return BindError(where, ec);
    }
    port_ = acceptor_.local_endpoint(ec).port();
    Accept();
    for (int i = 0; i < std::max(1, options_.io_threads); ++i) {
      io_threads_.emplace_back([this] { ioc_.run(); });
    }
    started_ = true;
    return OkStatus();
  }

  uint16_t port() const { return port_; }

  void Stop() {
    std::lock_guard stop_lock(stop_mu_);
    if (!stopped_) {
      // Stop the I/O threads first: afterwards nothing else touches the sockets.
      ioc_.stop();
      for (auto& t : io_threads_) t.join();
      io_threads_.clear();
      workers_.join();  // in-flight handlers finish; their replies go nowhere
      boost::system::error_code ec;
      acceptor_.close(ec);
      registry_.CloseAll();
    }
    std::lock_guard lock(mu_);
    stopped_ = true;
    stopped_cv_.notify_all();
  }

  void Wait() {
    std::unique_lock lock(mu_);
    stopped_cv_.wait(lock, [this] { return stopped_; });
  }

 private:
  static Status BindError(const std::string& where, const boost::system::error_code& ec) {
    return Unavailable("cannot listen on " + where + ": " + ec.message(),
                       "无法在 " + where + " 上监听：" + ec.message());
  }

  void Accept() {
    acceptor_.async_accept(
        asio::make_strand(ioc_), [this](boost::system::error_code ec, tcp::socket socket) {
          if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
          if (ec) {
            // Typically EMFILE: retry shortly instead of spinning.
            spdlog::warn("accept failed: {}", ec.message());
            retry_timer_.expires_after(std::chrono::milliseconds(50));
            retry_timer_.async_wait([this](boost::system::error_code wait_ec) {
              if (!wait_ec) Accept();
            });
            return;
          }
          socket.set_option(tcp::no_delay(true), ec);  // no Nagle delay on small responses
          std::make_shared<Connection>(std::move(socket), context_)->Start();
          Accept();
        });
  }

  ServerOptions options_;
  ConnectionRegistry registry_;  // outlives the io_context, whose destructor frees connections
  asio::io_context ioc_;
  asio::executor_work_guard<asio::io_context::executor_type> work_{ioc_.get_executor()};
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  asio::steady_timer retry_timer_;
  ServerContext context_;
  std::vector<std::thread> io_threads_;
  uint16_t port_ = 0;
  bool started_ = false;
  std::mutex stop_mu_;
  std::mutex mu_;
  std::condition_variable stopped_cv_;
  bool stopped_ = false;
};

HttpServer::HttpServer(ServerOptions options, const Router& router, const StaticAssets* assets)
    : impl_(std::make_unique<Impl>(std::move(options), router, assets)) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Start() { return impl_->Start(); }
uint16_t HttpServer::port() const { return impl_->port(); }
void HttpServer::Stop() { impl_->Stop(); }
void HttpServer::Wait() { impl_->Wait(); }

}  // namespace gongkai::web
