// Dialect: what the shared SOCI Transaction (soci_transaction.h) cannot write once for both
// databases. Everything else (SQL text, row mapping, messages) is common.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "storage/soci/constraint_messages.h"

namespace soci {
class session;
}
namespace gongkai::search {
struct QueryPlan;
}

namespace gongkai::storage {

class Binds;

// Where a search term must be found: all terms in the title; anywhere; anywhere but not all in
// the title (the hits listed after the title hits).
enum class SearchField { kTitle, kAnywhere, kNotTitle };

class Dialect {
 public:
  virtual ~Dialect() = default;

  // Converts the exception being handled into a Status with bilingual messages; call only inside
  // a catch block. `session` is the connection it came from.
  virtual Status CurrentExceptionToStatus(std::string_view operation, soci::session& session,
                                          const ConstraintMessages& messages) const = 0;

  // Runs parameterless SQL, possibly several statements, throwing like SOCI does.
  virtual void Exec(soci::session& session, const std::string& sql) const = 0;

  // Whether every write runs in its own savepoint. PostgreSQL aborts the whole transaction at the
  // first failed statement, SQLite only the statement.
  virtual bool SavepointPerWrite() const = 0;

  // Appended to the audit-head SELECT by LockAuditHead to serialise writers; empty when the write
  // transaction already does (SQLite's BEGIN IMMEDIATE).
  virtual std::string_view AuditHeadLock() const = 0;

  // Appended to InsertApplication's SELECT of the agency row so that concurrent inserts for one
  // agency take turns numbering (serial_no); empty when the write transaction already does.
  virtual std::string_view AgencySerialLock() const = 0;

  // users.active as an integer 0/1 in a SELECT list.
  virtual std::string_view ActiveAsInteger() const = 0;

  // Binary columns (BLOB, bytea): the SQL that binds parameter `:name` into one and reads
  // `column` out of one, and whether the string bound and read is hex rather than the bytes
  // (PostgreSQL's text parameters cannot carry NUL bytes).
  virtual std::string BinaryParam(std::string_view name) const = 0;
  virtual std::string BinaryColumn(std::string_view column) const = 0;
  virtual bool BinaryAsHex() const = 0;

  // Full-text search of the portal's live items (publication_search), from core/search's tokens:
  // `all` is the title's tokens followed by the body's. Put replaces the item's row.
  virtual void PutSearchRow(soci::session& session, int64_t id,
                            const std::vector<std::string>& title,
                            const std::vector<std::string>& all) const = 0;
  virtual void DeleteSearchRow(soci::session& session, int64_t id) const = 0;
  // The search table's item id, as written in a SELECT from publication_search, and the
  // condition on its row for `plan` in `field`, with the values it needs added to `binds`.
  virtual std::string_view SearchIdColumn() const = 0;
  virtual std::string SearchCondition(const search::QueryPlan& plan, SearchField field,
                                      Binds& binds) const = 0;

  // Runs after ImportAll inserted rows with explicit ids, so later inserts get ids above them.
  virtual void ContinueIdsAfterImport(soci::session& session) const = 0;
};

}  // namespace gongkai::storage
