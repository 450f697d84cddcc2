#include "storage/sqlite/sqlite_migrate.h"

#include "storage/migration.h"
#include "storage/sqlite/sqlite_errors.h"

namespace gongkai::storage::sqlite {
namespace {

int ReadVersion(soci::session& sql) {
  int version = 0;
  sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(version);
  return version;
}

}  // namespace

int BinaryVersion() { return LatestVersion(SqliteMigrations()); }

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
  GK_RETURN_IF_ERROR(CheckNotNewer(database, BinaryVersion()));
  for (const Migration& m : SqliteMigrations()) {
    if (m.version <= database) continue;
    Status status = Guard("apply migration " + MigrationLabel(m), [&] {
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
