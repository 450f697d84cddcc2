// PostgresStore: the Store for multi-server deployments. One database on a shared server, a pool
// of connections, migrations applied on open.
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

  // Connects to `url` (postgresql://user:password@host:port/dbname) and migrates the database.
  static Result<std::unique_ptr<Store>> Open(const std::string& url);

  std::string_view backend() const override { return "postgresql"; }
  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override;
  Result<MigrationStatus> Migrations() override;

 private:
  explicit PostgresStore(std::shared_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}
  std::shared_ptr<ConnectionPool> pool_;
};

}  // namespace gongkai::storage::postgres
