#include "storage/postgres/postgres_store.h"

#include "storage/postgres/postgres_migrate.h"
#include "storage/postgres/postgres_transaction.h"

namespace gongkai::storage::postgres {

Result<std::unique_ptr<Store>> PostgresStore::Open(const std::string& url) {
  GK_ASSIGN_OR_RETURN(std::shared_ptr<ConnectionPool> pool, ConnectionPool::Open(url, kPoolSize));
  return std::unique_ptr<Store>(new PostgresStore(std::move(pool)));
}

Result<std::vector<AppliedMigration>> PostgresStore::Migrate() {
  GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool_->Acquire());
  Result<std::vector<AppliedMigration>> applied = ApplyMigrations(*lease);
  if (!applied.ok()) {
    Status status = applied.status();
    return status.Annotate("PostgreSQL " + pool_->description(),
                           "PostgreSQL 数据库（" + pool_->description() + "）");
  }
  return applied;
}

Result<std::unique_ptr<Transaction>> PostgresStore::Begin(TxMode mode) {
  return PostgresTransaction::Begin(*pool_, mode, &audited_commits_);
}

Result<MigrationStatus> PostgresStore::Migrations() {
  GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool_->Acquire());
  GK_ASSIGN_OR_RETURN(int database, DatabaseVersion(*lease));
  return MigrationStatus{.database_version = database, .binary_version = BinaryVersion()};
}

}  // namespace gongkai::storage::postgres
