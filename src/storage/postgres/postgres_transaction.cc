#include "storage/postgres/postgres_transaction.h"

#include "storage/postgres/postgres_dialect.h"
#include "storage/postgres/postgres_errors.h"

namespace gongkai::storage::postgres {

PostgresTransaction::PostgresTransaction(ConnectionPool::Lease lease, TxMode mode,
                                     std::atomic<uint64_t>* audited_commits)
    : SociTransaction(PostgresDialect(), mode, audited_commits), lease_(std::move(lease)) {}

Result<std::unique_ptr<Transaction>> PostgresTransaction::Begin(
    ConnectionPool& pool, TxMode mode, std::atomic<uint64_t>* audited_commits) {
  const std::string begin =
      mode == TxMode::kWrite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  // An idle pooled connection may have died (server restart, terminated backend) without libpq
  // noticing yet. BEGIN finds out; the pool then drops it with its idle siblings, and the second
  // attempt gets a fresh connection. Nothing has happened yet, so retrying is safe.
  for (int attempt = 0;; ++attempt) {
    GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool.Acquire());
    Status status = postgres::Guard("begin transaction", *lease, [&] {
      ExecScript(*lease, begin);
      return OkStatus();
    });
    if (status.ok()) {
      return std::unique_ptr<Transaction>(new PostgresTransaction(std::move(lease), mode, audited_commits));
    }
    if (attempt > 0 || !ConnectionLost(*lease)) return status;
  }
}

PostgresTransaction::~PostgresTransaction() {
  if (!lease_) return;
  // Nothing can be reported from a destructor; a connection whose ROLLBACK failed is in an unknown
  // state, so it is closed rather than reused (closing rolls back on the server).
  Status status = Guard("rollback", [&] {
    ExecScript(sql(), "ROLLBACK");
    return OkStatus();
  });
  if (!status.ok()) lease_->Discard();
}

Status PostgresTransaction::Commit() {
  GK_RETURN_IF_ERROR(CheckUsable("commit", false));
  Status status = Guard("commit", [&]() -> Status {
    // PostgreSQL answers COMMIT of a transaction that had a failed statement with ROLLBACK, not an
    // error; reads run without savepoints, so this can happen.
    if (ExecScript(sql(), "COMMIT") != "COMMIT") {
      return Aborted("commit: an earlier statement failed, so PostgreSQL rolled back instead",
                     "事务中有操作失败，已全部撤销，请重试");
    }
    return OkStatus();
  });
  lease_.reset();
  if (status.ok()) NoteCommitted();
  return status;
}

}  // namespace gongkai::storage::postgres
