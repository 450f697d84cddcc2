// ConnectionPool: a fixed set of SOCI sessions to one SQLite database, leased one per transaction
// so concurrent HTTP workers read in parallel (WAL) while writers queue on BEGIN IMMEDIATE.
//
// Every connection gets the same pragmas (WAL, foreign keys, busy_timeout 5 s, synchronous NORMAL).
// ":memory:" gets exactly one connection: an in-memory database is private to its connection, so a
// pool of several would be several databases. Leases keep the pool alive, so a Transaction may
// outlive its Store.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"

namespace soci {
class session;
}

namespace gongkai::storage::sqlite {

class ConnectionPool : public std::enable_shared_from_this<ConnectionPool> {
 public:
  // A leased connection; returns itself to the pool when destroyed.
  class Lease {
   public:
    Lease(std::shared_ptr<ConnectionPool> pool, soci::session* session)
        : pool_(std::move(pool)), session_(session) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    soci::session& operator*() const { return *session_; }

   private:
    std::shared_ptr<ConnectionPool> pool_;
    soci::session* session_;
  };

  // Opens `size` connections (1 for ":memory:"). Fails with Unavailable if the file cannot be
  // opened.
  static Result<std::shared_ptr<ConnectionPool>> Open(const std::string& path, int size);
  ~ConnectionPool();

  // Waits up to `timeout` for a free connection, then gives up with Unavailable.
  Result<Lease> Acquire(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  int size() const { return static_cast<int>(sessions_.size()); }

 private:
  ConnectionPool() = default;
  void Release(soci::session* session);

  std::vector<std::unique_ptr<soci::session>> sessions_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<soci::session*> free_;  // guarded by mu_
};

}  // namespace gongkai::storage::sqlite
