// Schema migrations for PostgreSQL: the embedded migrations/postgres/NNNN_*.sql files, applied in
// order, each in its own transaction together with its schema_migrations row (PostgreSQL DDL is
// transactional). Each step holds a transaction-level advisory lock, so servers starting together
// apply every step exactly once: the second waits, then sees the step recorded.
#pragma once

#include <soci/soci.h>

#include <vector>

#include "core/status.h"
#include "storage/store.h"

namespace gongkai::storage::postgres {

// Highest version recorded in schema_migrations (0 for a new database).
Result<int> DatabaseVersion(soci::session& sql);
// Highest version embedded in this binary.
int BinaryVersion();
// Applies every embedded migration the database lacks and returns those applied by this call.
// Refuses (FailedPrecondition) a database migrated by a newer gongkai.
Result<std::vector<AppliedMigration>> ApplyMigrations(soci::session& sql);

}  // namespace gongkai::storage::postgres
