// SqliteTransaction: one SQLite transaction on a leased connection. The Transaction methods are
// shared with PostgreSQL (storage/soci/soci_transaction.h); this class begins, commits and rolls
// back.
//
// Write transactions start with BEGIN IMMEDIATE, so writers serialise on the database lock at the
// start (waiting up to busy_timeout) instead of failing when a read lock would be upgraded; that
// same lock is what keeps the audit chain from forking. Read transactions use plain BEGIN and
// refuse writes.
#pragma once

#include <soci/soci.h>

#include <optional>

#include "storage/soci/soci_transaction.h"
#include "storage/sqlite/connection_pool.h"

namespace gongkai::storage::sqlite {

class SqliteTransaction final : public SociTransaction {
 public:
  // Leases a connection from `pool` and begins.
  // audited_commits: the store's counter (Store::audited_commits).
  static Result<std::unique_ptr<Transaction>> Begin(ConnectionPool& pool, TxMode mode,
                                                    std::atomic<uint64_t>* audited_commits);
  ~SqliteTransaction() override;  // rolls back unless committed
  // Commit also returns the connection to the pool at once (a pool of one must not stay blocked by
  // a finished transaction its caller keeps around).
  Status Commit() override;

 protected:
  soci::session& sql() override { return **lease_; }
  bool open() const override { return lease_.has_value(); }

 private:
  SqliteTransaction(ConnectionPool::Lease lease, TxMode mode, std::atomic<uint64_t>* audited_commits);

  std::optional<ConnectionPool::Lease> lease_;  // empty once committed
};

}  // namespace gongkai::storage::sqlite
