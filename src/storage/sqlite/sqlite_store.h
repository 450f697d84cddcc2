// SqliteStore: the embedded default Store. One database file (or ":memory:") and a small
// connection pool; OpenStore migrates it after opening.
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

  // Opens (creating if absent) `path` without migrating; ":memory:" gives a private in-memory
  // database.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);

  std::string_view backend() const override { return "sqlite"; }
  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override;
  Result<MigrationStatus> Migrations() override;
  Result<std::vector<AppliedMigration>> Migrate() override;

 private:
  SqliteStore(std::shared_ptr<ConnectionPool> pool, std::string path)
      : pool_(std::move(pool)), path_(std::move(path)) {}
  std::shared_ptr<ConnectionPool> pool_;
  std::string path_;  // for messages
};

}  // namespace gongkai::storage::sqlite
