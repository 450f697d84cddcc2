// SqliteStore: the embedded default Store. One database file (or ":memory:"), a small connection
// pool, migrations applied on open.
#pragma once

#include <memory>
#include <string>

#include "storage/sqlite/connection_pool.h"
#include "storage/store.h"

namespace gongkai::storage::sqlite {

class SqliteStore final : public Store {
 public:
  // Connections per file database: enough for parallel readers; writers queue anyway.
  static constexpr int kPoolSize = 4;

  // Opens (creating if absent) and migrates `path`; ":memory:" gives a private in-memory database.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);

  std::string_view backend() const override { return "sqlite"; }
  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override;
  Result<MigrationStatus> Migrations() override;

 private:
  explicit SqliteStore(std::shared_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}
  std::shared_ptr<ConnectionPool> pool_;
};

}  // namespace gongkai::storage::sqlite
