#include "storage/sqlite/connection_pool.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "storage/sqlite/sqlite_errors.h"

namespace gongkai::storage::sqlite {
namespace {

// busy_timeout comes first: switching to WAL needs a lock another process may hold.
constexpr char kPragmas[] =
    "PRAGMA busy_timeout = 5000;"
    "PRAGMA journal_mode = WAL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA synchronous = NORMAL;";

std::string ConnectString(const std::string& path) {
  // SOCI splits the connect string on spaces unless the value is quoted.
  std::string quoted = "\"";
  for (char c : path) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return "db=" + quoted + "\"";
}

}  // namespace

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->Release(session_);
}

Result<std::shared_ptr<ConnectionPool>> ConnectionPool::Open(const std::string& path, int size) {
  std::shared_ptr<ConnectionPool> pool(new ConnectionPool());
  if (path == ":memory:") size = 1;
  for (int i = 0; i < size; ++i) {
    Status status = Guard("open SQLite database '" + path + "'", [&] {
      auto session = std::make_unique<soci::session>(soci::sqlite3, ConnectString(path));
      ExecScript(*session, kPragmas);
      pool->free_.push_back(session.get());
      pool->sessions_.push_back(std::move(session));
      return OkStatus();
    });
    if (!status.ok()) {
      // Any failure to open is "the database cannot be reached", whatever SQLite called it.
      return Unavailable(status.message(), "无法打开数据库文件“" + path + "”：" + status.message());
    }
  }
  return pool;
}

ConnectionPool::~ConnectionPool() = default;

Result<ConnectionPool::Lease> ConnectionPool::Acquire(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  if (!freed_.wait_for(lock, timeout, [this] { return !free_.empty(); })) {
    return Unavailable("all " + std::to_string(sessions_.size()) +
                           " database connections stayed busy for " +
                           std::to_string(timeout.count()) + " ms",
                       "数据库连接繁忙，请稍后重试");
  }
  soci::session* session = free_.back();
  free_.pop_back();
  return Lease(shared_from_this(), session);
}

void ConnectionPool::Release(soci::session* session) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(session);
  }
  freed_.notify_one();
}

}  // namespace gongkai::storage::sqlite
