#include "storage/sqlite/sqlite_migrate.h"

#include <cstdio>

#include "storage/migration.h"
#include "storage/sqlite/sqlite_errors.h"

namespace gongkai::storage::sqlite {
namespace {

int ReadVersion(soci::session& sql) {
  int version = 0;
  sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(version);
  return version;
}

std::string Label(const Migration& m) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", m.version);
  return std::string(number) + "_" + std::string(m.name);
}

}  // namespace

int BinaryVersion() {
  auto migrations = SqliteMigrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<int> DatabaseVersion(soci::session& sql) {
  return Guard("read schema version", [&]() -> Result<int> {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
           " name TEXT NOT NULL, applied_at TEXT NOT NULL)";
    return ReadVersion(sql);
  });
}

Result<std::vector<AppliedMigration>> ApplyMigrations(soci::session& sql) {
  std::vector<AppliedMigration> applied;
  GK_ASSIGN_OR_RETURN(int database, DatabaseVersion(sql));
  int binary = BinaryVersion();
  if (database > binary) {
    return FailedPrecondition(
        "database is at migration " + std::to_string(database) +
            " but this gongkai knows only up to " + std::to_string(binary) + "; upgrade gongkai",
        "数据库版本（" + std::to_string(database) + "）高于本程序支持的版本（" +
            std::to_string(binary) + "），请升级 gongkai");
  }
  for (const Migration& m : SqliteMigrations()) {
    if (m.version <= database) continue;
    Status status = Guard("apply migration " + Label(m), [&] {
      sql << "BEGIN IMMEDIATE";
      try {
        // Another process may have applied it while we waited for the lock.
        if (ReadVersion(sql) < m.version) {
          ExecScript(sql, std::string(m.sql));
          std::string name(m.name);
          sql << "INSERT INTO schema_migrations (version, name, applied_at)"
                 " VALUES (:version, :name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
              soci::use(m.version), soci::use(name);
          applied.push_back({m.version, name});
        }
        sql << "COMMIT";
      } catch (...) {
        try {
          sql << "ROLLBACK";
        } catch (...) {
          // The original error is the one worth reporting.
        }
        throw;
      }
      return OkStatus();
    });
    GK_RETURN_IF_ERROR(status);
  }
  return applied;
}

}  // namespace gongkai::storage::sqlite
