#include "service/change_watch.h"

#include <spdlog/spdlog.h>

#include "service/tx.h"

namespace gongkai::service {

ChangeWatch::ChangeWatch(storage::Store& store, std::chrono::milliseconds interval, Now now)
    : store_(store), interval_(interval), now_(std::move(now)) {
  if (!now_) now_ = [] { return std::chrono::steady_clock::now(); };
  seen_commits_ = store_.audited_commits();
}

uint64_t ChangeWatch::Current() {
  std::lock_guard lock(mu_);
  uint64_t commits = store_.audited_commits();
  auto now = now_();
  bool read_head = now >= next_check_;
  if (commits != seen_commits_) {
    seen_commits_ = commits;
    ++generation_;
    read_head = true;  // our own write moved the head too: take it now, not as a change later
  }
  if (read_head) {
    next_check_ = now + interval_;
    auto head = InRead(store_, [](storage::Transaction& tx) { return tx.GetAuditHead(); });
    if (!head.ok()) {
      // Unknown state: serve nothing cached from before.
      spdlog::warn("change watch: reading the audit head: {}", head.status().ToString());
      ++generation_;
      seen_head_ = -1;
    } else if (head->seq != seen_head_) {
      if (seen_head_ != -1) ++generation_;
      seen_head_ = head->seq;
    }
  }
  return generation_;
}

std::optional<uint64_t> ChangeWatch::Peek() {
  std::lock_guard lock(mu_);
  if (store_.audited_commits() != seen_commits_ || seen_head_ == -1 || now_() >= next_check_) {
    return std::nullopt;
  }
  return generation_;
}

}  // namespace gongkai::service
