#include "web/http/connection.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "web/http/dispatch.h"
#include "web/http/prepared.h"
#include "web/http/responses.h"

namespace gongkai::web {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// Closing right after an error response would reset the connection while the client is still
// sending, and the client would never read the response: drain for a moment first.
constexpr std::chrono::seconds kLingerTime{2};

Method ToMethod(http::verb v) {
  switch (v) {
    case http::verb::get:
      return Method::kGet;
    case http::verb::head:
      return Method::kHead;
    case http::verb::post:
      return Method::kPost;
    case http::verb::put:
      return Method::kPut;
    case http::verb::patch:
      return Method::kPatch;
    case http::verb::delete_:
      return Method::kDelete;
    case http::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Std(beast::string_view s) { return {s.data(), s.size()}; }

}  // namespace

void ConnectionRegistry::Add(const std::shared_ptr<Connection>& c) {
  std::lock_guard lock(mu_);
  open_[c.get()] = c;
}

void ConnectionRegistry::Remove(Connection* c) {
  std::lock_guard lock(mu_);
  open_.erase(c);
}

void ConnectionRegistry::CloseAll() {
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mu_);
    for (auto& [ptr, weak] : open_) {
      if (auto c = weak.lock()) open.push_back(std::move(c));
    }
  }
  // Closed outside the lock: dropping the last reference runs ~Connection, which calls Remove.
  for (auto& c : open) c->CloseNow();
}

size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mu_);
  return open_.size();
}

Connection::Connection(tcp::socket socket, const ServerContext& context)
    : context_(context), stream_(std::move(socket)) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_ip_ = endpoint.address().to_string();
}

Connection::~Connection() { context_.registry.Remove(this); }

void Connection::Start() {
  context_.registry.Add(shared_from_this());
  ReadRequest();
}

void Connection::CloseNow() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

void Connection::ReadRequest() {
  parser_.emplace();
  parser_->header_limit(
      static_cast<std::uint32_t>(std::min<size_t>(context_.options.max_header_bytes, UINT32_MAX)));
  // The route, known once the header is in, narrows this to its own limit (OnHeader).
  parser_->body_limit(context_.largest_body_bytes);
  // One deadline for header and body together, so a slow client cannot trickle forever.
  stream_.expires_after(context_.options.read_timeout);
  http::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
}

void Connection::WaitForNextRequest() {
  if (buffer_.size() > 0) return ReadRequest();  // pipelined
  stream_.expires_after(context_.options.idle_timeout);
  stream_.async_read_some(buffer_.prepare(4096),
                          [self = shared_from_this()](beast::error_code ec, size_t n) {
                            if (ec) return self->OnReadError(ec);
                            self->buffer_.commit(n);
                            self->ReadRequest();
                          });
}

void Connection::OnHeader(beast::error_code ec) {
  if (ec) return OnReadError(ec);
  started_ = std::chrono::steady_clock::now();
  const auto& header = parser_->get();
  // The route decides how large the body may be and how long it may take to arrive.
  size_t limit = context_.options.max_body_bytes;
  std::string_view target = Std(header.target());
  Router::Match match =
      context_.router.Find(ToMethod(header.method()), target.substr(0, target.find('?')));
  if (match.route != nullptr) {
    const RouteOptions& options = match.route->options;
    if (options.max_body_bytes > 0) limit = options.max_body_bytes;
    if (options.read_timeout.count() > 0) stream_.expires_after(options.read_timeout);
  }
  if (auto length = parser_->content_length(); length && *length > limit) {
    return OnReadError(http::error::body_limit);
  }
  parser_->body_limit(limit);
  if (beast::iequals(header[http::field::expect], "100-continue") && !parser_->is_done()) {
    static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::async_write(stream_, asio::buffer(kContinue),
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        if (ec) return self->CloseNow();
                        self->ReadBody();
                      });
    return;
  }
  ReadBody();
}

void Connection::ReadBody() {
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, size_t) { self->OnBody(ec); });
}

void Connection::OnReadError(beast::error_code ec) {
  if (ec == http::error::end_of_stream || ec == asio::error::eof) return LingeringClose();
  if (ec == asio::error::operation_aborted || ec == beast::error::timeout) return CloseNow();
  started_ = std::chrono::steady_clock::now();
  request_ = Request{};
  keep_alive_ = false;
  version_ = 11;
  if (ec == http::error::header_limit) return Send(TransportError(431), true);
  if (ec == http::error::body_limit) return Send(TransportError(413), true);
  if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
    return Send(TransportError(400), true);
  }
  CloseNow();  // reset by peer and the like
}

void Connection::OnBody(beast::error_code ec) {
  if (ec) return OnReadError(ec);
  auto message = parser_->release();
  parser_.reset();
  request_ = Request{};
  request_.method = ToMethod(message.method());
  request_.target = std::string(Std(message.target()));
  request_.remote_ip = remote_ip_;
  version_ = message.version();
  keep_alive_ = message.keep_alive();
  for (const auto& field : message) {
    request_.headers.emplace_back(Lowered(Std(field.name_string())),
                                  std::string(Std(field.value())));
  }
  request_.body = std::move(message.body());
  if (!SplitTarget(&request_)) return Send(ErrorPage(400), true);

  Dispatch d = DispatchRequest(context_.router, context_.assets, request_);
  if (d.response) return Send(std::move(*d.response), false);
  const Route* route = d.route;
  if (std::shared_ptr<const PreparedResponse> ready = Ready(*route)) {
    return SendPrepared(std::move(ready));
  }
  if (!route->options.blocking) return Send(RunHandler(*route, request_), false);
  asio::post(context_.workers, [self = shared_from_this(), route] {
    Response response = RunHandler(*route, self->request_);
    // Back to the connection's strand: the stream is only ever touched there.
    asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
      self->Send(std::move(response), false);
    });
  });
}

void Connection::Send(Response r, bool close) {
  const int status = r.status = (r.status >= 100 && r.status <= 599) ? r.status : 500;
  auto& res = response_.emplace();
  res.version(version_ == 10 ? 10 : 11);
  res.result(static_cast<unsigned>(status));
  for (auto& [name, value] : WireHeaders(r)) res.insert(name, value);
  const bool keep_alive = keep_alive_ && !close;
  res.keep_alive(keep_alive);
  if (!HasNoBody(status)) {
    res.content_length(r.body.size());
    if (request_.method != Method::kHead) res.body() = std::move(r.body);
  }
  LogAccess(status, res.body().size());
  // A client that stops reading must not hold the connection forever either.
  stream_.expires_after(context_.options.read_timeout);
  http::async_write(stream_, res,
                    [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                      self->OnWritten(ec, keep_alive);
                    });
}

std::shared_ptr<const PreparedResponse> Connection::Ready(const Route& route) {
  // Prepared answers are keep-alive HTTP/1.1; anything else takes the ordinary way.
  const bool read_only = request_.method == Method::kGet || request_.method == Method::kHead;
  if (!route.options.ready || !read_only || version_ != 11 || !keep_alive_) return nullptr;
  try {
    return route.options.ready(request_);
  } catch (const std::exception& e) {
    spdlog::error("ready answer for {} {} threw: {}", MethodName(request_.method), route.pattern,
                  e.what());
    return nullptr;  // the handler answers instead
  }
}

void Connection::SendPrepared(std::shared_ptr<const PreparedResponse> p) {
  const bool head_only = request_.method == Method::kHead;
  LogAccess(p->status, head_only ? 0 : p->body.size());
  stream_.expires_after(context_.options.read_timeout);
  std::array<asio::const_buffer, 2> buffers{
      asio::buffer(p->head), head_only ? asio::const_buffer() : asio::buffer(p->body)};
  asio::async_write(stream_, buffers, [self = shared_from_this(), p](beast::error_code ec, size_t) {
    self->OnWritten(ec, /*keep_alive=*/true);
  });
}

void Connection::LogAccess(int status, size_t body_bytes) const {
  if (!context_.options.access_log) return;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started_)
                .count();
  spdlog::info("{} {} {} {} {} {}ms", remote_ip_.empty() ? "-" : remote_ip_,
               request_.target.empty() ? "-" : MethodName(request_.method),
               request_.target.empty() ? "-" : request_.target, status, body_bytes, ms);
}

void Connection::OnWritten(beast::error_code ec, bool keep_alive) {
  response_.reset();
  request_ = Request{};
  if (ec) return CloseNow();
  if (!keep_alive) return LingeringClose();
  WaitForNextRequest();
}

void Connection::LingeringClose() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) return CloseNow();
  stream_.expires_after(kLingerTime);
  Drain();
}

void Connection::Drain() {
  buffer_.clear();
  stream_.async_read_some(buffer_.prepare(4096),
                          [self = shared_from_this()](beast::error_code ec, size_t) {
                            if (ec) return self->CloseNow();
                            self->Drain();
                          });
}

}  // namespace gongkai::web
