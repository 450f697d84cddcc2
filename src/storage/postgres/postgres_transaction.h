// PostgresTransaction: one PostgreSQL transaction on a leased connection. The Transaction methods
// are shared with SQLite (storage/soci/soci_transaction.h); this class begins, commits and rolls
// back.
//
// Read transactions are REPEATABLE READ READ ONLY: one snapshot for the whole page. Write
// transactions are READ COMMITTED; what keeps them correct is the version guard on every update
// and the audit_head row lock (LockAuditHead), which serialises writers of the audit chain.
#pragma once

#include <soci/soci.h>

#include <optional>

#include "storage/postgres/connection_pool.h"
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage::postgres {

class PostgresTransaction final : public SociTransaction {
 public:
  // Leases a connection from `pool` and begins.
  // audited_commits: the store's counter (Store::audited_commits).
  static Result<std::unique_ptr<Transaction>> Begin(ConnectionPool& pool, TxMode mode,
                                                    std::atomic<uint64_t>* audited_commits);
  ~PostgresTransaction() override;  // rolls back unless committed
  // Commit returns the connection to the pool whatever the outcome: PostgreSQL ends the
  // transaction either way.
  Status Commit() override;

 protected:
  soci::session& sql() override { return **lease_; }
  bool open() const override { return lease_.has_value(); }

 private:
  PostgresTransaction(ConnectionPool::Lease lease, TxMode mode, std::atomic<uint64_t>* audited_commits);

  std::optional<ConnectionPool::Lease> lease_;  // empty once committed
};

}  // namespace gongkai::storage::postgres
