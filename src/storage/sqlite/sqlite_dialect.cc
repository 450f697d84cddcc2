#include "storage/sqlite/sqlite_dialect.h"

#include "storage/sqlite/sqlite_errors.h"

namespace gongkai::storage::sqlite {
namespace {

class SqliteDialectImpl final : public Dialect {
 public:
  Status CurrentExceptionToStatus(std::string_view operation, soci::session&,
                                  const ConstraintMessages& messages) const override {
    return sqlite::CurrentExceptionToStatus(operation, messages);
  }
  void Exec(soci::session& session, const std::string& sql) const override {
    ExecScript(session, sql);
  }
  // A failed statement leaves an SQLite transaction usable.
  bool SavepointPerWrite() const override { return false; }
  // BEGIN IMMEDIATE already serialises writers.
  std::string_view AuditHeadLock() const override { return ""; }
  std::string_view AgencySerialLock() const override { return ""; }
  // SQLite stores booleans as integers already.
  std::string_view ActiveAsInteger() const override { return "active"; }
  // A string bound as text and cast keeps every byte, NULs included.
  std::string BinaryParam(std::string_view name) const override {
    return "CAST(:" + std::string(name) + " AS BLOB)";
  }
  std::string BinaryColumn(std::string_view column) const override { return std::string(column); }
  bool BinaryAsHex() const override { return false; }
  // INTEGER PRIMARY KEY continues above the highest id by itself: nothing to reset.
  void ContinueIdsAfterImport(soci::session&) const override {}
};

}  // namespace

const Dialect& SqliteDialect() {
  static const SqliteDialectImpl dialect;
  return dialect;
}

}  // namespace gongkai::storage::sqlite
