#include "storage/sqlite/sqlite_store.h"

#include "storage/sqlite/sqlite_migrate.h"
#include "storage/sqlite/sqlite_transaction.h"

namespace gongkai::storage::sqlite {

Result<std::unique_ptr<Store>> SqliteStore::Open(const std::string& path) {
  GK_ASSIGN_OR_RETURN(std::shared_ptr<ConnectionPool> pool, ConnectionPool::Open(path, kPoolSize));
  return std::unique_ptr<Store>(new SqliteStore(std::move(pool), path));
}

Result<std::vector<AppliedMigration>> SqliteStore::Migrate() {
  GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool_->Acquire());
  Result<std::vector<AppliedMigration>> applied = ApplyMigrations(*lease);
  if (!applied.ok()) {
    Status status = applied.status();
    return status.Annotate("database '" + path_ + "'", "数据库“" + path_ + "”");
  }
  return applied;
}

Result<std::unique_ptr<Transaction>> SqliteStore::Begin(TxMode mode) {
  return SqliteTransaction::Begin(*pool_, mode, &audited_commits_);
}

Result<MigrationStatus> SqliteStore::Migrations() {
  GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool_->Acquire());
  GK_ASSIGN_OR_RETURN(int database, DatabaseVersion(*lease));
  return MigrationStatus{.database_version = database, .binary_version = BinaryVersion()};
}

}  // namespace gongkai::storage::sqlite
