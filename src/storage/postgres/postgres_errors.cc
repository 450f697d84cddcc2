#include "storage/postgres/postgres_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <exception>
#include <memory>

namespace gongkai::storage::postgres {
namespace {

PGconn* Native(soci::session& session) {
  return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

// SOCI's messages read "Cannot execute query. Fatal error. ERROR:  … while executing "SQL" with
// :a=…". Bound values can be secrets (session hashes, password hashes), so they are cut off.
std::string Clean(std::string message) {
  for (std::string_view prefix : {"Cannot execute query. ", "Fatal error. ", "ERROR:  "}) {
    if (message.starts_with(prefix)) message.erase(0, prefix.size());
  }
  size_t executing = message.find(" while executing \"");
  if (executing != std::string::npos) {
    size_t with = message.find("\" with :", executing);
    if (with != std::string::npos) message.erase(with + 1);
  }
  std::string out;
  for (char c : message) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out;
}

// The quoted name in 'violates unique constraint "users_username_key"'. libpq has the name as a
// separate field, but SOCI drops the result before we see it.
std::string ConstraintName(std::string_view message) {
  size_t start = message.find("constraint \"");
  if (start == std::string_view::npos) return "";
  start += std::string_view("constraint \"").size();
  size_t end = message.find('"', start);
  if (end == std::string_view::npos) return "";
  return std::string(message.substr(start, end - start));
}

Status FromError(std::string_view operation, soci::session& session, const std::string& sqlstate,
                 const std::string& raw, const ConstraintMessages& messages) {
  std::string message = Clean(raw);
  std::string where = std::string(operation) + ": " + message;
  if (ConnectionLost(session) || sqlstate.starts_with("08") || sqlstate == "57P01" ||
      sqlstate == "57P02" || sqlstate == "57P03") {
    return Unavailable(std::string(operation) + ": lost the connection to PostgreSQL: " + message,
                       "数据库连接中断，请稍后重试");
  }
  if (sqlstate == "23505") {
    if (messages.unique) {
      std::string constraint = ConstraintName(message);
      return messages.unique(UniqueViolation{.detail = constraint, .names_constraint = true});
    }
    return AlreadyExists(where, "记录已存在，不能重复");
  }
  if (sqlstate == "23503") {
    if (messages.foreign_key) return messages.foreign_key();
    return FailedPrecondition(where, "所引用的记录不存在");
  }
  if (sqlstate == "55P03") {
    return Unavailable(std::string(operation) + ": database stayed busy for 5 s: " + message,
                       "数据库繁忙，请稍后重试");
  }
  if (sqlstate == "40001" || sqlstate == "40P01") {
    return Aborted(where + "; retry", "数据正被他人同时修改，请重试");
  }
  if (sqlstate == "25006") {  // a write on a read-only standby (streaming replica)
    return FailedPrecondition(
        std::string(operation) + ": the database is a read-only standby; write to the primary",
        "当前数据库为只读副本，无法保存，请连接主数据库");
  }
  return Internal(where);
}

}  // namespace

bool ConnectionLost(soci::session& session) {
  PGconn* conn = Native(session);
  return conn == nullptr || PQstatus(conn) != CONNECTION_OK;
}

Status CurrentExceptionToStatus(std::string_view operation, soci::session& session,
                                const ConstraintMessages& messages) {
  try {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    return FromError(operation, session, e.sqlstate(), e.what(), messages);
  } catch (const std::exception& e) {
    return FromError(operation, session, "", e.what(), messages);
  } catch (...) {
    return Internal(std::string(operation) + ": unknown exception");
  }
}

std::string ExecScript(soci::session& session, const std::string& sql) {
  PGconn* conn = Native(session);
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn, sql.c_str()), &PQclear);
  ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    return PQcmdStatus(result.get());
  }
  const char* sqlstate = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
  // No SQLSTATE means libpq itself failed, usually because the connection is gone.
  if (sqlstate == nullptr) sqlstate = PQstatus(conn) == CONNECTION_OK ? "XX000" : "08006";
  throw soci::postgresql_soci_error(PQerrorMessage(conn), sqlstate);
}

}  // namespace gongkai::storage::postgres
