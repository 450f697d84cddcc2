#include "storage/postgres/postgres_dialect.h"

#include "storage/postgres/postgres_errors.h"

namespace gongkai::storage::postgres {
namespace {

class PostgresDialectImpl final : public Dialect {
 public:
  Status CurrentExceptionToStatus(std::string_view operation, soci::session& session,
                                  const ConstraintMessages& messages) const override {
    return postgres::CurrentExceptionToStatus(operation, session, messages);
  }
  void Exec(soci::session& session, const std::string& sql) const override {
    ExecScript(session, sql);
  }
  // PostgreSQL aborts the whole transaction at the first failed statement; a savepoint per write
  // lets a refused insert (duplicate name, missing parent) leave it usable, as on SQLite.
  bool SavepointPerWrite() const override { return true; }
  // Read committed: the row lock is what makes concurrent writers take turns on the chain.
  std::string_view AuditHeadLock() const override { return " FOR UPDATE"; }
  // Read committed: the second inserter waits here, then its MAX(serial_no) sees the first's row.
  // NO KEY: foreign-key checks of other rows naming the agency are not blocked.
  std::string_view AgencySerialLock() const override { return " FOR NO KEY UPDATE"; }
  // SOCI's postgresql backend reads no BOOLEAN into an int.
  std::string_view ActiveAsInteger() const override { return "CAST(active AS INTEGER)"; }
  // Text parameters end at the first NUL byte: bytea travels as hex.
  std::string BinaryParam(std::string_view name) const override {
    return "decode(:" + std::string(name) + ", 'hex')";
  }
  std::string BinaryColumn(std::string_view column) const override {
    return "encode(" + std::string(column) + ", 'hex')";
  }
  bool BinaryAsHex() const override { return true; }
  // Identity columns do not notice explicit ids: move them past the highest, so the next insert
  // does not collide with an imported row.
  void ContinueIdsAfterImport(soci::session& session) const override {
    for (const char* table : {"agencies", "users", "report_sources", "annual_reports",
                              "applications", "review_cases"}) {
      ExecScript(session, std::string("SELECT setval(pg_get_serial_sequence('") + table +
                              "', 'id'), COALESCE((SELECT MAX(id) FROM " + table +
                              "), 0) + 1, false)");
    }
  }
};

}  // namespace

const Dialect& PostgresDialect() {
  static const PostgresDialectImpl dialect;
  return dialect;
}

}  // namespace gongkai::storage::postgres
