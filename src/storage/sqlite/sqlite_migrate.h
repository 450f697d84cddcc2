// Schema migrations for SQLite: the embedded migrations/sqlite/NNNN_*.sql files, applied in order,
// each in its own BEGIN IMMEDIATE transaction together with its schema_migrations row, so a crash
// or a second process starting at the same time never leaves a half-applied step.
#pragma once

#include <soci/soci.h>

#include <vector>

#include "core/status.h"
#include "storage/store.h"

namespace gongkai::storage::sqlite {

// Highest version recorded in schema_migrations (0 for a new database); creates the table if
// needed.
Result<int> DatabaseVersion(soci::session& sql);
// Highest version embedded in this binary.
int BinaryVersion();
// Applies every embedded migration the database lacks and returns those applied by this call.
// Refuses (FailedPrecondition) a database migrated by a newer gongkai.
Result<std::vector<AppliedMigration>> ApplyMigrations(soci::session& sql);

}  // namespace gongkai::storage::sqlite
