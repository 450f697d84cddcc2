// Migration: one numbered, append-only schema step, embedded in the binary at build time from
// src/storage/migrations/<backend>/NNNN_name.sql (see CMakeLists.txt, gk_embed_migrations).
#pragma once

#include <span>
#include <string_view>

namespace gongkai::storage {

struct Migration {
  int version;            // NNNN from the file name; 1, 2, 3 … without gaps
  std::string_view name;  // the rest of the file name, e.g. "foundation"
  std::string_view sql;   // the whole file; may hold several statements
};

// Ordered by version. Generated, one per backend.
std::span<const Migration> SqliteMigrations();
std::span<const Migration> PostgresMigrations();

}  // namespace gongkai::storage
