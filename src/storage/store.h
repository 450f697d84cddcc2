// Store: the persistence boundary, in core's terms. One implementation per database (sqlite/ and
// postgres/, whose Transaction code is shared in soci/); the same contract suite
// (store_contract_test.cc) runs against each.
//
// Every operation happens inside a Transaction. Callers may rely on:
//  - nothing is visible to others until Commit(); destroying an uncommitted Transaction rolls back;
//  - Update* are guarded by the record's version: a stale version returns Aborted and changes
//    nothing, and on success the stored version is the given one + 1;
//  - unique keys (agency region code when non-empty, user name) return AlreadyExists;
//  - a database that cannot be reached returns Unavailable; library exceptions never escape.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/agency.h"
#include "core/annual_report.h"
#include "core/audit.h"
#include "core/calendar.h"
#include "core/status.h"
#include "core/user.h"

namespace gongkai::storage {

struct SessionRecord {
  std::string id_hash;  // hex sha-256 of the cookie token: a leaked table cannot be replayed
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;  // unix seconds
  int64_t expires_at = 0;
};

// The head of the audit chain: the last entry's seq and hash (0 and the genesis hash when empty).
struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};

struct MigrationStatus {
  int database_version = 0;  // highest migration applied to the database
  int binary_version = 0;    // highest migration this binary knows
};

// One migration step, as reported by Store::Migrate.
struct AppliedMigration {
  int version = 0;
  std::string name;  // e.g. "foundation"
};

// Everything a database holds except login sessions (short-lived, tied to one deployment), in
// typed rows with their ids: what `gongkai db copy` moves between stores.
struct DataSnapshot {
  std::vector<Agency> agencies;              // ordered by id, with leading groups
  std::vector<User> users;                   // ordered by id
  std::vector<CalendarYear> calendar_years;  // ordered by year
  std::vector<ReportSource> report_sources;  // ordered by id, with their content
  std::vector<AnnualReport> reports;         // ordered by id
  std::vector<AuditEntry> audit;             // ordered by seq
  AuditHead audit_head;
};

enum class TxMode { kRead, kWrite };

class Transaction {
 public:
  virtual ~Transaction() = default;

  // Agencies. Insert returns the new id (version 1); leading group members are stored in order.
  virtual Result<int64_t> InsertAgency(const Agency& agency) = 0;
  virtual Status UpdateAgency(const Agency& agency) = 0;
  virtual Result<Agency> GetAgency(int64_t id) = 0;
  virtual Result<std::vector<Agency>> ListAgencies() = 0;  // ordered by id

  // Users.
  virtual Result<int64_t> InsertUser(const User& user) = 0;
  virtual Status UpdateUser(const User& user) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;
  virtual Result<User> FindUserByName(std::string_view username) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;  // ordered by id

  // Server-side sessions.
  virtual Status InsertSession(const SessionRecord& session) = 0;
  virtual Result<SessionRecord> GetSession(std::string_view id_hash) = 0;
  virtual Status DeleteSession(std::string_view id_hash) = 0;
  virtual Status DeleteUserSessions(int64_t user_id) = 0;
  virtual Result<int64_t> DeleteExpiredSessions(int64_t now) = 0;  // returns how many

  // Working-day calendar: one row per notice year, replaced as a whole.
  virtual Status PutCalendarYear(const CalendarYear& year) = 0;
  virtual Result<std::vector<CalendarYear>> ListCalendarYears() = 0;  // ordered by year

  // Annual reports, one row per version. Insert returns the new id (row_version 1); Update is
  // guarded by row_version and replaces the acceptances and summary units. At most one version of
  // an agency's year may be open (draft or pending): a second is AlreadyExists. A published version
  // is frozen by the database itself (only its move to superseded is allowed).
  virtual Result<int64_t> InsertReport(const AnnualReport& report) = 0;
  virtual Status UpdateReport(const AnnualReport& report) = 0;
  virtual Result<AnnualReport> GetReport(int64_t id) = 0;
  // Every version of the agency's reports, by year (newest first) then version.
  virtual Result<std::vector<AnnualReport>> ListReports(int64_t agency_id) = 0;
  // Every version of every agency's report for the year, by agency then version.
  virtual Result<std::vector<AnnualReport>> ListReportsOfYear(int year) = 0;

  // Uploaded report files (ReportSource). Insert returns the new id. The file itself never
  // changes; its unit is set once, when it is first saved as that unit's report (a second, other
  // unit is FailedPrecondition; the same one again is fine).
  virtual Result<int64_t> InsertReportSource(const ReportSource& source) = 0;
  virtual Result<ReportSource> GetReportSource(int64_t id) = 0;
  virtual Status SetReportSourceAgency(int64_t id, int64_t agency_id) = 0;
  // Deletes files never saved as a report (no unit, no report names them) uploaded before
  // `uploaded_before` (ISO time); returns how many.
  virtual Result<int64_t> DeleteUnsavedReportSources(std::string_view uploaded_before) = 0;

  // Audit log. LockAuditHead serialises writers (row lock / write transaction) until commit.
  virtual Result<AuditHead> LockAuditHead() = 0;
  // The head without locking (read transactions, e.g. verification).
  virtual Result<AuditHead> GetAuditHead() = 0;
  // Appends entry (entry.seq must be head.seq + 1) and moves the head to it.
  virtual Status AppendAudit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> ListAudit(int64_t after_seq, int limit) = 0;
  // Latest entries whose entity is one of `entities` (e.g. "agency:4"), newest first.
  virtual Result<std::vector<AuditEntry>> RecentAudit(const std::vector<std::string>& entities,
                                                      int limit) = 0;

  // Bulk copy. ExportAll reads every row of the snapshot tables. ImportAll (write transaction)
  // inserts the given rows keeping their ids; a key already present fails (AlreadyExists) rather
  // than overwriting. Agencies may come in any order (parents are linked after all are inserted);
  // audit entries must continue the current head, which then moves to the last of them.
  // Afterwards new ids continue above the highest imported one.
  virtual Result<DataSnapshot> ExportAll() = 0;
  virtual Status ImportAll(const DataSnapshot& rows) = 0;

  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::string_view backend() const = 0;  // "sqlite" or "postgresql"
  virtual Result<std::unique_ptr<Transaction>> Begin(TxMode mode) = 0;
  virtual Result<MigrationStatus> Migrations() = 0;
  // Applies the pending migrations, each in its own transaction; returns those this call applied
  // (empty when up to date; another process may have applied some meanwhile). A database newer than
  // the binary is refused with FailedPrecondition.
  virtual Result<std::vector<AppliedMigration>> Migrate() = 0;
};

// Opens a store without touching its schema: for `db status` and `db migrate`, which report before
// (or instead of) migrating. Only Migrations() and Migrate() are meaningful until it is migrated.
Result<std::unique_ptr<Store>> OpenStoreUnmigrated(std::string_view url);

// Opens a store and applies pending migrations. `url` is a file path or "sqlite:PATH" (":memory:"
// allowed) for SQLite, or "postgresql://user:password@host:port/dbname" ("postgres://" too) for
// PostgreSQL. A database newer than the binary is refused with FailedPrecondition.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

}  // namespace gongkai::storage
