// ConnectionPool: up to `size` SOCI sessions to one PostgreSQL database, leased one per
// transaction. Connections open lazily (the first one at Open, to report a bad URL or a down
// server at once) and are dropped when libpq finds them broken; a dropped connection takes its
// idle siblings with it (a server restart kills them all), so the next Acquire reconnects and the
// store recovers by itself once the database is back. Leases keep the pool alive, so a
// Transaction may outlive its Store.
//
// Every connection gets lock_timeout 5 s (like SQLite's busy_timeout), client_encoding UTF8 and a
// connect_timeout of 5 s unless the URL sets one.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"

namespace gongkai::storage::postgres {

class ConnectionPool : public std::enable_shared_from_this<ConnectionPool> {
 public:
  // A leased connection; returns itself to the pool when destroyed.
  class Lease {
   public:
    Lease(std::shared_ptr<ConnectionPool> pool, std::unique_ptr<soci::session> session);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    soci::session& operator*() const { return *session_; }
    // The connection's state is unknown (e.g. ROLLBACK failed): close it instead of reusing it.
    void Discard() { discard_ = true; }

   private:
    std::shared_ptr<ConnectionPool> pool_;
    std::unique_ptr<soci::session> session_;
    bool discard_ = false;
  };

  // `url` is a libpq URI (postgresql://user:password@host:port/dbname?param=value). Malformed →
  // InvalidArgument; unreachable or refused → Unavailable naming host:port (never the password).
  static Result<std::shared_ptr<ConnectionPool>> Open(const std::string& url, int size);
  ~ConnectionPool();

  // Waits up to `timeout` for a free connection, then gives up with Unavailable.
  Result<Lease> Acquire(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // "database 'gongkai' at host:port", for messages.
  const std::string& description() const { return description_; }

 private:
  ConnectionPool(std::string conninfo, std::string host_port, std::string description, int size)
      : conninfo_(std::move(conninfo)),
        host_port_(std::move(host_port)),
        description_(std::move(description)),
        size_(size) {}
  Result<std::unique_ptr<soci::session>> Connect();
  void Release(std::unique_ptr<soci::session> session, bool discard);

  const std::string conninfo_;  // keyword=value form, holds the password: never print it
  const std::string host_port_;
  const std::string description_;
  const int size_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<soci::session>> idle_;  // guarded by mu_
  int open_ = 0;  // idle + leased + being opened; guarded by mu_
};

}  // namespace gongkai::storage::postgres
