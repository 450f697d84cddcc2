// Test helper: runs SQL on a SQLite file behind the Store's back (to tamper or fake a newer
// schema).
#pragma once

#include <sqlite3.h>

#include <string>

namespace gongkai::storage::test_support {

// Returns "" on success, else SQLite's message.
inline std::string ExecSqliteRaw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string error;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    error = db != nullptr ? sqlite3_errmsg(db) : "cannot open";
  } else {
    sqlite3_busy_timeout(db, 5000);
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      error = message != nullptr ? message : "error";
      sqlite3_free(message);
    }
  }
  sqlite3_close(db);
  return error;
}

}  // namespace gongkai::storage::test_support
