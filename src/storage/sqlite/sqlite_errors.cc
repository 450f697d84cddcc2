#include "storage/sqlite/sqlite_errors.h"

#include <soci/soci.h>
// soci-sqlite3.h wraps <sqlite3.h> in namespace sqlite_api; including it again would be a no-op.
#include <soci/sqlite3/soci-sqlite3.h>

#include <exception>

namespace gongkai::storage::sqlite {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

Status FromMessage(std::string_view operation, int code, const std::string& message,
                   const ConstraintMessages& messages) {
  int primary = code & 0xff;
  // SOCI does not always carry the result code, so the message is checked as well.
  if (Contains(message, "UNIQUE constraint failed")) {
    if (messages.unique) return messages.unique(UniqueViolation{.detail = message});
    return AlreadyExists(std::string(operation) + ": " + message, "记录已存在，不能重复");
  }
  if (Contains(message, "FOREIGN KEY constraint failed")) {
    if (messages.foreign_key) return messages.foreign_key();
    return FailedPrecondition(std::string(operation) + ": " + message, "所引用的记录不存在");
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED ||
      Contains(message, "database is locked") || Contains(message, "database table is locked")) {
    return Unavailable(std::string(operation) + ": database stayed busy for 5 s: " + message,
                       "数据库繁忙，请稍后重试");
  }
  return Internal(std::string(operation) + ": " + message);
}

}  // namespace

Status CurrentExceptionToStatus(std::string_view operation, const ConstraintMessages& messages) {
  try {
    throw;
  } catch (const soci::sqlite3_soci_error& e) {
    return FromMessage(operation, e.result(), e.what(), messages);
  } catch (const std::exception& e) {
    return FromMessage(operation, 0, e.what(), messages);
  } catch (...) {
    return Internal(std::string(operation) + ": unknown exception");
  }
}

void ExecScript(soci::session& session, const std::string& sql) {
  using namespace sqlite_api;  // NOLINT: the SQLite C API, as SOCI declares it
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  char* error = nullptr;
  int rc = sqlite3_exec(backend->conn_, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    throw soci::sqlite3_soci_error(message, rc);
  }
}

}  // namespace gongkai::storage::sqlite
