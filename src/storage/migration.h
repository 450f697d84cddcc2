// Migration: one numbered, append-only schema step, embedded in the binary at build time from
// src/storage/migrations/<backend>/NNNN_name.sql (see CMakeLists.txt, gk_embed_migrations).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::storage {

struct Migration {
  int version;            // NNNN from the file name; 1, 2, 3 … without gaps
  std::string_view name;  // the rest of the file name, e.g. "foundation"
  std::string_view sql;   // the whole file; may hold several statements
};

// Ordered by version. Generated, one per backend.
std::span<const Migration> SqliteMigrations();
std::span<const Migration> PostgresMigrations();

// Highest version in `migrations` (0 when there are none).
int LatestVersion(std::span<const Migration> migrations);
// How messages name a migration: "0001_foundation".
std::string MigrationLabel(const Migration& m);
// FailedPrecondition when the database was migrated by a newer gongkai than this binary.
Status CheckNotNewer(int database_version, int binary_version);

}  // namespace gongkai::storage
