#include "storage/postgres/connection_pool.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <map>

#include "storage/postgres/postgres_errors.h"

namespace gongkai::storage::postgres {
namespace {

struct ParsedUrl {
  std::string conninfo;
  std::string host_port;
  std::string dbname;
};

// SOCI 4.0 re-tokenises the connect string on spaces and drops quotes, so libpq URIs and quoted
// values do not survive it; we parse the URI with libpq and pass plain keyword=value pairs.
Result<ParsedUrl> ParseUrl(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    std::string reason = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '.')) reason.pop_back();
    // libpq's reasons quote only the offending fragment, but a password could be that fragment.
    return InvalidArgument("malformed PostgreSQL URL: " + reason,
                           "PostgreSQL 数据库地址格式不正确：" + reason);
  }
  std::map<std::string, std::string> values;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val != nullptr && o->val[0] != '\0') values[o->keyword] = o->val;
  }
  PQconninfoFree(options);
  for (const auto& [keyword, value] : values) {
    if (value.find_first_of(" \t\n'\\") != std::string::npos) {
      return InvalidArgument(
          "PostgreSQL URL parameter '" + keyword +
              "' contains a space, quote or backslash, which SOCI 4.0 cannot pass on",
          "PostgreSQL 数据库地址中的“" + keyword + "”含有空格、引号或反斜杠，无法使用");
    }
  }
  values.try_emplace("connect_timeout", "5");
  values.try_emplace("client_encoding", "UTF8");
  values.try_emplace("fallback_application_name", "gongkai");
  ParsedUrl parsed;
  for (const auto& [keyword, value] : values) {
    parsed.conninfo += (parsed.conninfo.empty() ? "" : " ") + keyword + "=" + value;
  }
  auto get = [&](const char* key, const char* fallback) {
    auto it = values.find(key);
    return it != values.end() ? it->second : std::string(fallback);
  };
  parsed.host_port = get("host", get("hostaddr", "localhost").c_str()) + ":" + get("port", "5432");
  parsed.dbname = get("dbname", get("user", "(default)").c_str());
  return parsed;
}

// SOCI says "Cannot establish connection to the database.\n<libpq's message>".
std::string ConnectError(const std::string& what) {
  std::string message = what;
  std::string_view prefix = "Cannot establish connection to the database.";
  if (message.starts_with(prefix)) message.erase(0, prefix.size());
  std::string out;
  for (char c : message) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

ConnectionPool::Lease::Lease(std::shared_ptr<ConnectionPool> pool,
                             std::unique_ptr<soci::session> session)
    : pool_(std::move(pool)), session_(std::move(session)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::move(other.pool_)),
      session_(std::move(other.session_)),
      discard_(other.discard_) {}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr && session_ != nullptr) pool_->Release(std::move(session_), discard_);
}

Result<std::shared_ptr<ConnectionPool>> ConnectionPool::Open(const std::string& url, int size) {
  GK_ASSIGN_OR_RETURN(ParsedUrl parsed, ParseUrl(url));
  std::string description = "database '" + parsed.dbname + "' at " + parsed.host_port;
  std::shared_ptr<ConnectionPool> pool(
      new ConnectionPool(parsed.conninfo, parsed.host_port, description, size));
  // Connect once now, so a wrong URL or a down server is reported by Open, not by the first
  // request.
  GK_ASSIGN_OR_RETURN(Lease first, pool->Acquire());
  return pool;
}

ConnectionPool::~ConnectionPool() = default;

Result<std::unique_ptr<soci::session>> ConnectionPool::Connect() {
  try {
    auto session = std::make_unique<soci::session>(soci::postgresql, conninfo_);
    // client_min_messages: "relation already exists, skipping" and the like are not worth stderr.
    ExecScript(*session, "SET lock_timeout = 5000; SET client_min_messages = warning");
    return session;
  } catch (const std::exception& e) {
    std::string reason = ConnectError(e.what());
    return Unavailable("cannot connect to PostgreSQL at " + host_port_ + ": " + reason,
                       "无法连接 PostgreSQL 数据库（" + host_port_ + "）：" + reason);
  }
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  if (!freed_.wait_for(lock, timeout, [this] { return !idle_.empty() || open_ < size_; })) {
    return Unavailable("all " + std::to_string(size_) + " database connections stayed busy for " +
                           std::to_string(timeout.count()) + " ms",
                       "数据库连接繁忙，请稍后重试");
  }
  if (!idle_.empty()) {
    std::unique_ptr<soci::session> session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(shared_from_this(), std::move(session));
  }
  ++open_;  // reserve the slot while connecting without the lock
  lock.unlock();
  Result<std::unique_ptr<soci::session>> session = Connect();
  if (!session.ok()) {
    lock.lock();
    --open_;
    lock.unlock();
    freed_.notify_one();
    return session.status();
  }
  return Lease(shared_from_this(), std::move(session).value());
}

void ConnectionPool::Release(std::unique_ptr<soci::session> session, bool discard) {
  std::vector<std::unique_ptr<soci::session>> closing;
  {
    std::lock_guard lock(mu_);
    if (discard || ConnectionLost(*session)) {
      closing.push_back(std::move(session));
      // A lost connection usually means the server restarted or an admin ended our backends: the
      // idle ones are most likely dead too, and reconnecting lazily is cheap.
      for (auto& idle : idle_) closing.push_back(std::move(idle));
      idle_.clear();
      open_ -= static_cast<int>(closing.size());
    } else {
      idle_.push_back(std::move(session));
    }
  }
  freed_.notify_all();
  // closing's destructor closes the connections, outside the lock.
}

}  // namespace gongkai::storage::postgres
