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

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/agency.h"
#include "core/annual_report.h"
#include "core/application/application.h"
#include "core/application/tally.h"
#include "core/audit.h"
#include "core/calendar.h"
#include "core/disclosure/decision_figures.h"
#include "core/disclosure/normative_document.h"
#include "core/litigation/review_case.h"
#include "core/publication/publication.h"
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

// Which applications ListApplications and CountApplications take; every set field must match.
// Members have default initialisers so that designated initialisers ({.agency_ids = {4}}) build a
// filter without -Wmissing-field-initializers.
struct ApplicationFilter {
  std::vector<int64_t> agency_ids{};             // the caller's scope; empty: nothing matches
  std::vector<application::CaseState> states{};  // any of them; empty: every state
  bool open_only = false;                        // state is not closed
  std::optional<Date> received_from{}, received_through{};  // receipt date, inclusive; a case
                                                            // without one is left out when set
  std::optional<Date> closed_from{}, closed_through{};      // closing date, inclusive
  std::optional<application::Outcome> outcome{};
  std::optional<application::ApplicantType> applicant_type{};
  std::optional<int64_t> handler_id{};  // 0: unassigned cases
  std::string applicant_key{};          // non-empty: only this applicant's
  std::string request_key{};            // non-empty: only this normalised request
  bool with_events = false;             // load each one's events too (List only)
  int limit = 1000;                     // List only; CountApplications counts every match
  int offset = 0;
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
  std::vector<Agency> agencies;                        // ordered by id, with leading groups
  std::vector<User> users;                             // ordered by id
  std::vector<CalendarYear> calendar_years;            // ordered by year
  std::vector<ReportSource> report_sources;            // ordered by id, with their content
  std::vector<AnnualReport> reports;                   // ordered by id
  std::vector<application::Application> applications;  // ordered by id, with events
  std::vector<litigation::ReviewCase> review_cases;    // ordered by id
  std::vector<publication::Publication> publications;  // ordered by id, with versions and events
  std::vector<std::pair<publication::Attachment, std::string>> attachments;  // ordered by id
  std::vector<publication::ChannelRecord> channel_records;                   // ordered by id
  std::vector<disclosure::NormativeDocument> normative_documents;            // ordered by id
  std::vector<disclosure::DecisionFigures> decision_figures;                 // ordered by id
  std::vector<AuditEntry> audit;                                             // ordered by seq
  AuditHead audit_head;
};

// Which publications a list shows. Every set field narrows it.
struct PublicationFilter {
  std::vector<int64_t> agency_ids;         // empty: none
  std::vector<publication::Stage> stages;  // empty: any
  bool on_portal = false;                  // live items only; item/subject/year are the portal's
  std::string item_code;                   // catalogue item ("" any)
  std::string subject;                     // 主题分类 ("" any; portal only)
  int year = 0;                            // year of first release (0 any; portal only)
  std::optional<Date> review_by_before;    // live items whose review-by date is before this
  int limit = 100;
  int offset = 0;
};

// A full-text search of the portal's live items (core/search's plan, rendered per backend).
// Hits are counted up to `count_limit` only, and pages end there: counting every item that holds
// a common word costs a scan of its whole posting list, and nobody reads past the first pages.
struct PublicationQuery {
  std::vector<int64_t> agency_ids;  // empty: every agency
  std::string text;                 // what the reader typed
  int limit = 20;
  int offset = 0;
  int64_t count_limit = 1000;
};
struct PublicationHits {
  int64_t total = 0;         // items matching, at most count_limit
  bool more = false;         // more than count_limit items match (`total` is then count_limit)
  int64_t title_hits = 0;    // of which match in the title (at most count_limit); these come first
  std::vector<int64_t> ids;  // newest first within each group; none at offsets from count_limit
};

struct ChannelCount {
  publication::Channel channel = publication::Channel::kPortal;
  int64_t records = 0;  // what went out on the channel in the year
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

  // Disclosure applications. InsertApplication stores the snapshot and its events, assigns
  // serial_no (1 + the highest of the agency's serial_year; the caller sets serial_year, and one
  // outside 2008..2200 is InvalidArgument; concurrent inserts never share a number) and returns
  // the new id (version 1). UpdateApplication is guarded by version: it replaces the snapshot
  // (state, outcome, closed_on, handler id and name, receipt_date, applicant, request,
  // request_key, applicant_key) and appends the events whose seq is above the highest stored one
  // (events are never changed or removed, by the database itself too); agency, query code, file
  // number, channel, submitted_on, client_key and created_at stay as inserted. A query code
  // already used is AlreadyExists (messages never quote it); a missing agency, handler or event
  // recorder is FailedPrecondition. The database refuses a snapshot whose state is closed without
  // closed_on, or whose outcome is set without closed_on or the other way round.
  virtual Result<int64_t> InsertApplication(const application::Application& app) = 0;
  virtual Status UpdateApplication(const application::Application& app) = 0;
  virtual Result<application::Application> GetApplication(int64_t id) = 0;  // with events
  virtual Result<application::Application> FindApplicationByQueryCode(std::string_view code) = 0;
  // Ordered by receipt date (unset first), then id.
  virtual Result<std::vector<application::Application>> ListApplications(
      const ApplicationFilter& filter) = 0;
  virtual Result<int64_t> CountApplications(const ApplicationFilter& filter) = 0;
  // Online submissions with this client key created at or after `since` (ISO time, compared as
  // text, so in the form created_at is written in); an empty key counts nothing.
  virtual Result<int64_t> CountRecentSubmissions(std::string_view client_key,
                                                 std::string_view since) = 0;
  // The agency's applications that matter for year's Table 三 (received by its end and not closed
  // before its start), grouped: each summary stands for `count` cases of one applicant type, one
  // outcome, and receipt and closing dates on the same side of the year's bounds. Its dates are
  // representatives of those sides, not real dates: receipt 1 January (received in the year) or
  // 31 December before it; closed 31 December (closed in the year), 1 January after it (closed
  // later) or unset (open). So TallyTable3 over the summaries equals TallyTable3 over the cases.
  // Done in the database, without sorting, so a million cases need not be loaded.
  virtual Result<std::vector<application::CaseSummary>> SummariseApplications(int64_t agency_id,
                                                                              int year) = 0;

  // Review and litigation records. Insert returns the new id (version 1); Update is guarded by
  // version and replaces every field but agency_id, created_by and created_at. A missing agency or
  // application is FailedPrecondition; the database refuses result_on set with a pending result or
  // missing with any other.
  virtual Result<int64_t> InsertReviewCase(const litigation::ReviewCase& c) = 0;
  virtual Status UpdateReviewCase(const litigation::ReviewCase& c) = 0;
  virtual Result<litigation::ReviewCase> GetReviewCase(int64_t id) = 0;
  // Ordered by filing date, then id; application_id > 0 restricts to that application's.
  virtual Result<std::vector<litigation::ReviewCase>> ListReviewCases(int64_t agency_id,
                                                                      int64_t application_id) = 0;

  // Proactive disclosure register. NextPublicationSerial returns 1 + the highest serial of the
  // agency's generated index numbers of `year`, taking turns per agency (row lock / write lock) so
  // concurrent drafts never share one. InsertPublication stores the item, its versions and events
  // and returns the id (version 1); an index number already used is AlreadyExists.
  // UpdatePublication is guarded by version: it replaces the snapshot and the versions (a version
  // missing from the item is removed, which Apply does only to an unapproved revision) and appends
  // the events whose seq is above the highest stored; events never change. Both keep the search
  // index in step: the live version of an item on the portal is indexed, nothing else is.
  virtual Result<int> NextPublicationSerial(int64_t agency_id, int year) = 0;
  virtual Result<int64_t> InsertPublication(const publication::Publication& item) = 0;
  virtual Status UpdatePublication(const publication::Publication& item) = 0;
  virtual Result<publication::Publication> GetPublication(int64_t id) = 0;  // versions, events
  virtual Result<publication::Publication> FindPublicationByIndexNumber(
      std::string_view number) = 0;
  // Without events; versions carry no body. Ordered by first release (newest first) on the portal,
  // else by id, newest first.
  virtual Result<std::vector<publication::Publication>> ListPublications(
      const PublicationFilter& filter) = 0;
  virtual Result<int64_t> CountPublications(const PublicationFilter& filter) = 0;
  // Live items per portal item code (code, count) of one agency, for the column's navigation.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> CountPortalItems(
      int64_t agency_id) = 0;
  // Exact substring search (core/search): title matches first, newest first within each group.
  virtual Result<PublicationHits> SearchPublications(const PublicationQuery& query) = 0;
  // Attachments: Insert stores the bytes (a missing publication is FailedPrecondition).
  virtual Result<int64_t> InsertAttachment(const publication::Attachment& meta,
                                           std::string_view data) = 0;
  virtual Result<std::vector<publication::Attachment>> ListAttachments(int64_t publication_id) = 0;
  virtual Result<publication::Attachment> GetAttachment(int64_t id, std::string* data) = 0;
  // Channel records, ordered by id.
  virtual Result<int64_t> InsertChannelRecord(const publication::ChannelRecord& record) = 0;
  virtual Result<std::vector<publication::ChannelRecord>> ListChannelRecords(
      int64_t publication_id) = 0;
  // Records per channel posted in `year` for the agency's items (channels without any omitted).
  virtual Result<std::vector<ChannelCount>> CountChannelRecords(int64_t agency_id, int year) = 0;

  // Table 二's records (disclosure figures): the register of rules and normative documents, and the
  // yearly decision and fee figures. Inserts return the new id (version 1); updates are guarded by
  // version and keep agency_id, created_by and created_at (documents) or agency_id and year
  // (figures). A document number already used by another of the agency's documents, or a second
  // row of figures for an agency and year, is AlreadyExists; a missing agency is
  // FailedPrecondition. The database refuses a repeal dated before the made date and negative
  // figures.
  virtual Result<int64_t> InsertNormativeDocument(const disclosure::NormativeDocument& d) = 0;
  virtual Status UpdateNormativeDocument(const disclosure::NormativeDocument& d) = 0;
  virtual Result<disclosure::NormativeDocument> GetNormativeDocument(int64_t id) = 0;
  // The agency's documents, ordered by made date, then id.
  virtual Result<std::vector<disclosure::NormativeDocument>> ListNormativeDocuments(
      int64_t agency_id) = 0;
  virtual Result<int64_t> InsertDecisionFigures(const disclosure::DecisionFigures& f) = 0;
  virtual Status UpdateDecisionFigures(const disclosure::DecisionFigures& f) = 0;
  // The agency's figures for the year; nullopt when none were entered.
  virtual Result<std::optional<disclosure::DecisionFigures>> FindDecisionFigures(int64_t agency_id,
                                                                                 int year) = 0;
  // The agency's figures, ordered by year.
  virtual Result<std::vector<disclosure::DecisionFigures>> ListDecisionFigures(
      int64_t agency_id) = 0;

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

  // How many write transactions that appended to the audit log this object has committed. Every
  // state change writes an audit entry in its transaction, so this only grows, and it moves after
  // (never before) the change is visible: a reader that saw the same value before and after
  // reading saw no newer write of this process. (Other processes' writes show in the stored audit
  // head.) The portal's page cache relies on it.
  uint64_t audited_commits() const { return audited_commits_.load(std::memory_order_acquire); }

 protected:
  std::atomic<uint64_t> audited_commits_{0};
};

// Opens a store without touching its schema: for `db status` and `db migrate`, which report before
// (or instead of) migrating. Only Migrations() and Migrate() are meaningful until it is migrated.
Result<std::unique_ptr<Store>> OpenStoreUnmigrated(std::string_view url);

// Opens a store and applies pending migrations. `url` is a file path or "sqlite:PATH" (":memory:"
// allowed) for SQLite, or "postgresql://user:password@host:port/dbname" ("postgres://" too) for
// PostgreSQL. A database newer than the binary is refused with FailedPrecondition.
Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

}  // namespace gongkai::storage
