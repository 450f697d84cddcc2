#include "storage/sqlite/sqlite_dialect.h"

#include <soci/soci.h>

#include "core/search/search.h"
#include "storage/soci/binds.h"
#include "storage/soci/columns.h"
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
  // FTS5 (unicode61) splits on spaces and keeps each bigram token whole; the body column holds
  // the title's tokens too, so one column answers "anywhere".
  void PutSearchRow(soci::session& session, int64_t id, const std::vector<std::string>& title,
                    const std::vector<std::string>& all) const override {
    std::string t = Join(title, " "), b = Join(all, " ");
    session << "INSERT INTO publication_search (rowid, title, body) VALUES (:id, :t, :b)",
        soci::use(id), soci::use(t), soci::use(b);
  }
  void DeleteSearchRow(soci::session& session, int64_t id) const override {
    session << "DELETE FROM publication_search WHERE rowid = :id", soci::use(id);
  }
  // One MATCH per statement: FTS5 walks its posting lists in rowid order and stops at the LIMIT,
  // NOT included.
  std::string_view SearchIdColumn() const override { return "publication_search.rowid"; }
  std::string SearchCondition(const search::QueryPlan& plan, SearchField field,
                              Binds& binds) const override {
    const std::string terms = "(" + search::ToFts5Match(plan) + ")";
    std::string match;
    switch (field) {
      case SearchField::kTitle:
        match = "{title} : " + terms;
        break;
      case SearchField::kAnywhere:
        match = "{body} : " + terms;
        break;
      case SearchField::kNotTitle:
        match = "{body} : " + terms + " NOT {title} : " + terms;
        break;
    }
    return "publication_search MATCH " + binds.Add(std::move(match));
  }
  // INTEGER PRIMARY KEY continues above the highest id by itself: nothing to reset.
  void ContinueIdsAfterImport(soci::session&) const override {}
};

}  // namespace

const Dialect& SqliteDialect() {
  static const SqliteDialectImpl dialect;
  return dialect;
}

}  // namespace gongkai::storage::sqlite
