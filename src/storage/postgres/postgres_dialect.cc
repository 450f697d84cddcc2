#include "storage/postgres/postgres_dialect.h"

#include <soci/soci.h>

#include <algorithm>

#include "core/search/search.h"
#include "storage/postgres/postgres_errors.h"
#include "storage/soci/binds.h"

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
  // The tokens go in as tsvector literals with their positions, so no text-search parser can
  // split a bigram; phrase queries (<->) then match exactly. tsvector positions stop at 16383:
  // later tokens share that position, so phrases that deep in a long body may be missed.
  void PutSearchRow(soci::session& session, int64_t id, const std::vector<std::string>& title,
                    const std::vector<std::string>& all) const override {
    std::string t = TsVectorLiteral(title), b = TsVectorLiteral(all);
    session << "INSERT INTO publication_search (publication_id, title, body)"
               " VALUES (:id, CAST(:t AS tsvector), CAST(:b AS tsvector))",
        soci::use(id), soci::use(t), soci::use(b);
  }
  void DeleteSearchRow(soci::session& session, int64_t id) const override {
    session << "DELETE FROM publication_search WHERE publication_id = :id", soci::use(id);
  }
  std::string_view SearchIdColumn() const override { return "publication_search.publication_id"; }
  std::string SearchCondition(const search::QueryPlan& plan, SearchField field,
                              Binds& binds) const override {
    const std::string query = search::ToTsQuery(plan);
    auto matches = [&](std::string_view column) {
      return "publication_search." + std::string(column) + " @@ CAST(" + binds.Add(query) +
             " AS tsquery)";
    };
    switch (field) {
      case SearchField::kTitle:
        return matches("title");
      case SearchField::kAnywhere:
        return matches("body");
      case SearchField::kNotTitle: {
        std::string anywhere = matches("body");
        return anywhere + " AND NOT " + matches("title");
      }
    }
    return "FALSE";
  }
  static std::string TsVectorLiteral(const std::vector<std::string>& tokens) {
    std::string out;
    size_t position = 0;
    for (const std::string& token : tokens) {
      ++position;
      if (!out.empty()) out += ' ';
      out += '\'';
      for (char c : token) {
        if (c == '\'' || c == '\\') out += c;  // doubled inside the quotes
        out += c;
      }
      out += "':" + std::to_string(std::min<size_t>(position, 16383));
    }
    return out;
  }
  // Identity columns do not notice explicit ids: move them past the highest, so the next insert
  // does not collide with an imported row.
  void ContinueIdsAfterImport(soci::session& session) const override {
    for (const char* table :
         {"agencies", "users", "report_sources", "annual_reports", "applications", "review_cases",
          "publications", "publication_attachments", "publication_channels", "normative_documents",
          "decision_figures"}) {
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
