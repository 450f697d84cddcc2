// PostgresStore: the Store for multi-server deployments. One database on a shared server and a
// pool of connections; OpenStore migrates it after connecting.
#pragma once

#include <memory>
#include <string>

#include "storage/postgres/connection_pool.h"
#include "storage/store.h"

namespace gongkai::storage::postgres {

class PostgresStore final : public Store {
 public:
  // Connections per server process: enough for the HTTP workers; each is a server process too.
  static constexpr int kPoolSize = 8;

  // Connects to `url` (postgresql://user:password@host:port/dbname) without migrating.
  static Result<std::unique_ptr<Store>> Open(const std::string& url);

  std::string_view backend() const override { return "postgresql"; }
  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override;
  Result<MigrationStatus> Migrations() override;
  Result<std::vector<AppliedMigration>> Migrate() override;

 private:
  explicit PostgresStore(std::shared_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}
  std::shared_ptr<ConnectionPool> pool_;
};

}  // namespace gongkai::storage::postgres
