// ChangeWatch: a number that changes whenever the data may have changed, for caches of rendered
// pages. It combines this process's audited commits (Store::audited_commits, exact and immediate)
// with the stored audit head (seq), read at most once per `interval`, so writes made by other
// servers on a shared PostgreSQL are noticed within about that long. Every state change appends an
// audit entry in its own transaction, so both move on every write.
//
// Callers may rely on: Current() never returns the same value after a write of this process has
// committed as before it; it is cheap (an atomic load) except once per interval.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>

#include "storage/store.h"

namespace gongkai::service {

class ChangeWatch {
 public:
  using Now = std::function<std::chrono::steady_clock::time_point()>;
  explicit ChangeWatch(storage::Store& store,
                       std::chrono::milliseconds interval = std::chrono::seconds(1),
                       Now now = nullptr);

  uint64_t Current();
  // Current()'s value when it is known without reading the database (no commit of this process
  // since the last call, the head read less than `interval` ago); nullopt when Current() would
  // read it. For callers that must never block (the I/O thread's cached answers).
  std::optional<uint64_t> Peek();

 private:
  storage::Store& store_;
  std::chrono::milliseconds interval_;
  Now now_;
  std::mutex mu_;
  uint64_t generation_ = 1;
  uint64_t seen_commits_ = 0;
  int64_t seen_head_ = -1;  // -1: not read yet
  std::chrono::steady_clock::time_point next_check_{};
};

}  // namespace gongkai::service
