#include "storage/postgres/postgres_migrate.h"

#include "storage/migration.h"
#include "storage/postgres/postgres_errors.h"

namespace gongkai::storage::postgres {
namespace {

// Key of the advisory lock taken by every migration step ("gongkai" in ASCII).
constexpr char kLock[] = "SELECT pg_advisory_xact_lock(29114442573373801)";

int ReadVersion(soci::session& sql) {
  int exists = 0;
  sql << "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END",
      soci::into(exists);
  if (exists == 0) return 0;
  int version = 0;
  sql << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", soci::into(version);
  return version;
}

// Runs body between BEGIN and COMMIT under the migration lock; rolls back if it throws.
template <class F>
void Locked(soci::session& sql, F&& body) {
  ExecScript(sql, "BEGIN");
  try {
    ExecScript(sql, kLock);
    body();
    ExecScript(sql, "COMMIT");
  } catch (...) {
    try {
      ExecScript(sql, "ROLLBACK");
    } catch (...) {
      // The original error is the one worth reporting.
    }
    throw;
  }
}

}  // namespace

int BinaryVersion() { return LatestVersion(PostgresMigrations()); }

Result<int> DatabaseVersion(soci::session& sql) {
  return Guard("read schema version", sql, [&]() -> Result<int> { return ReadVersion(sql); });
}

Result<std::vector<AppliedMigration>> ApplyMigrations(soci::session& sql) {
  std::vector<AppliedMigration> applied;
  // Up to date: write nothing, so a read-only standby (streaming replica) can be opened too.
  GK_ASSIGN_OR_RETURN(int current, DatabaseVersion(sql));
  GK_RETURN_IF_ERROR(CheckNotNewer(current, BinaryVersion()));
  if (current == BinaryVersion()) return applied;
  GK_RETURN_IF_ERROR(Guard("create schema_migrations", sql, [&] {
    Locked(sql, [&] {
      // applied_at is text, like SQLite's, so both backends report it the same way.
      ExecScript(sql,
                 "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                 " name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    });
    return OkStatus();
  }));
  GK_ASSIGN_OR_RETURN(int database, DatabaseVersion(sql));
  GK_RETURN_IF_ERROR(CheckNotNewer(database, BinaryVersion()));
  for (const Migration& m : PostgresMigrations()) {
    if (m.version <= database) continue;
    Status status = Guard("apply migration " + MigrationLabel(m), sql, [&] {
      Locked(sql, [&] {
        // Another server may have applied it while we waited for the lock.
        if (ReadVersion(sql) >= m.version) return;
        ExecScript(sql, std::string(m.sql));
        // Version and name are safe to inline: the build accepts only NNNN_[a-z0-9_]+ names.
        ExecScript(sql, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
                            std::to_string(m.version) + ", '" + std::string(m.name) +
                            "', to_char(clock_timestamp() AT TIME ZONE 'UTC',"
                            " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))");
        applied.push_back({m.version, std::string(m.name)});
      });
      return OkStatus();
    });
    GK_RETURN_IF_ERROR(status);
  }
  return applied;
}

}  // namespace gongkai::storage::postgres
