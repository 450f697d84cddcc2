// Test helpers for PostgreSQL, through libpq behind the Store's back: a fresh database per test on
// the server named by env GONGKAI_TEST_PG_URL (e.g. postgresql://postgres@127.0.0.1:5433/postgres,
// see scripts/pg-test-server), dropped afterwards, and raw SQL to tamper or fake a newer schema.
#pragma once

// Debian keeps libpq-fe.h in include/postgresql: storage adds that to its include path, tests of
// the layers above (e.g. service's db copy test) reach it by the longer name.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
#include <stdlib.h>

#include <atomic>
#include <random>
#include <string>

namespace gongkai::storage::test_support {

// The maintenance URL, or "" when PostgreSQL tests should not run.
inline std::string PgTestUrl() {
  const char* url = getenv("GONGKAI_TEST_PG_URL");
  return url != nullptr ? url : "";
}

// `url` with its database (the URI path) replaced by `dbname`.
inline std::string PgUrlWithDatabase(const std::string& url, const std::string& dbname) {
  size_t authority = url.find("://");
  authority = authority == std::string::npos ? 0 : authority + 3;
  size_t path = url.find_first_of("/?", authority);
  std::string query;
  if (path != std::string::npos) {
    size_t q = url.find('?', path);
    if (q != std::string::npos) query = url.substr(q);
  }
  return url.substr(0, path) + "/" + dbname + query;
}

// The database named by `url`'s path.
inline std::string PgDatabaseOf(const std::string& url) {
  size_t authority = url.find("://");
  authority = authority == std::string::npos ? 0 : authority + 3;
  size_t path = url.find('/', authority);
  if (path == std::string::npos) return "";
  return url.substr(path + 1, url.find('?', path) - path - 1);
}

// Runs `sql` (one or more statements) on `url`; returns "" or the server's message.
inline std::string ExecPgRaw(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PGresult* result = PQexec(conn, sql.c_str());
    ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) error = PQerrorMessage(conn);
    PQclear(result);
  }
  PQfinish(conn);
  if (!error.empty() && error.back() == '\n') error.pop_back();
  return error;
}

// Creates an empty database next to `maintenance_url`'s and returns its URL; "" and *error on
// failure.
inline std::string CreatePgTestDatabase(const std::string& maintenance_url, std::string* error) {
  static std::atomic<int> counter{0};
  std::random_device random;
  std::string name =
      "gk_test_" + std::to_string(random() % 1000000000) + "_" + std::to_string(counter++);
  *error = ExecPgRaw(maintenance_url, "CREATE DATABASE " + name);
  return error->empty() ? PgUrlWithDatabase(maintenance_url, name) : "";
}

// Drops the database of `url`, disconnecting whoever is still on it.
inline std::string DropPgTestDatabase(const std::string& maintenance_url, const std::string& url) {
  return ExecPgRaw(maintenance_url,
                   "DROP DATABASE IF EXISTS \"" + PgDatabaseOf(url) + "\" WITH (FORCE)");
}

}  // namespace gongkai::storage::test_support
