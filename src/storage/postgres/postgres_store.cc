#include "storage/postgres/postgres_store.h"

#include "storage/postgres/postgres_migrate.h"
#include "storage/postgres/postgres_transaction.h"

namespace gongkai::storage::postgres {

Result<std::unique_ptr<Store>> PostgresStore::Open(const std::string& url) {
  GK_ASSIGN_OR_RETURN(std::shared_ptr<ConnectionPool> pool, ConnectionPool::Open(url, kPoolSize));
  {
    GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool->Acquire());
    Status status = ApplyMigrations(*lease);
    if (!status.ok()) {
      return status.Annotate("PostgreSQL " + pool->description(),
                             "PostgreSQL 数据库（" + pool->description() + "）");
    }
  }
  return std::unique_ptr<Store>(new PostgresStore(std::move(pool)));
}

Result<std::unique_ptr<Transaction>> PostgresStore::Begin(TxMode mode) {
  return PostgresTransaction::Begin(*pool_, mode);
}

Result<MigrationStatus> PostgresStore::Migrations() {
  GK_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, pool_->Acquire());
  GK_ASSIGN_OR_RETURN(int database, DatabaseVersion(*lease));
  return MigrationStatus{.database_version = database, .binary_version = BinaryVersion()};
}

}  // namespace gongkai::storage::postgres
