#include "storage/sqlite/sqlite_transaction.h"

#include "storage/sqlite/sqlite_errors.h"

namespace gongkai::storage::sqlite {

Result<std::unique_ptr<Transaction>> SqliteTransaction::Begin(ConnectionPool& pool, TxMode mode) {
  GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool.Acquire());
  GK_RETURN_IF_ERROR(Guard("begin transaction", [&] {
    *lease << (mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
    return OkStatus();
  }));
  return std::unique_ptr<Transaction>(new SqliteTransaction(std::move(lease), mode));
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

Status SqliteTransaction::CheckUsable(std::string_view operation, bool writes) const {
  if (!lease_) {
    return FailedPrecondition(std::string(operation) + ": the transaction is already committed",
                              "事务已提交，不能继续操作");
  }
  if (writes && mode_ == TxMode::kRead) {
    return FailedPrecondition(std::string(operation) + " needs a write transaction",
                              "只读事务中不能修改数据");
  }
  return OkStatus();
}

Status SqliteTransaction::Commit() {
  GK_RETURN_IF_ERROR(CheckUsable("commit", false));
  Status status = Guard("commit", [&] {
    sql() << "COMMIT";
    return OkStatus();
  });
  // On failure the transaction stays open: retry Commit, or destroy it to roll back.
  if (status.ok()) lease_.reset();
  return status;
}

}  // namespace gongkai::storage::sqlite
