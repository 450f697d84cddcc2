#include "storage/sqlite/sqlite_transaction.h"

#include "storage/sqlite/sqlite_dialect.h"
#include "storage/sqlite/sqlite_errors.h"

namespace gongkai::storage::sqlite {

SqliteTransaction::SqliteTransaction(ConnectionPool::Lease lease, TxMode mode,
                                     std::atomic<uint64_t>* audited_commits)
    : SociTransaction(SqliteDialect(), mode, audited_commits), lease_(std::move(lease)) {}

Result<std::unique_ptr<Transaction>> SqliteTransaction::Begin(
    ConnectionPool& pool, TxMode mode, std::atomic<uint64_t>* audited_commits) {
  GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool.Acquire());
  GK_RETURN_IF_ERROR(sqlite::Guard("begin transaction", [&] {
    *lease << (mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
    return OkStatus();
  }));
  return std::unique_ptr<Transaction>(new SqliteTransaction(std::move(lease), mode, audited_commits));
}

SqliteTransaction::~SqliteTransaction() {
  if (!lease_) return;
  // Nothing can be reported from a destructor; if ROLLBACK fails the connection is closed with the
  // pool and SQLite discards the transaction then.
  Guard("rollback", [&] {
    sql() << "ROLLBACK";
    return OkStatus();
  }).IgnoreError();
}

Status SqliteTransaction::Commit() {
  GK_RETURN_IF_ERROR(CheckUsable("commit", false));
  Status status = Guard("commit", [&] {
    sql() << "COMMIT";
    return OkStatus();
  });
  // On failure the transaction stays open: retry Commit, or destroy it to roll back.
  if (status.ok()) {
    lease_.reset();
    NoteCommitted();
  }
  return status;
}

}  // namespace gongkai::storage::sqlite
