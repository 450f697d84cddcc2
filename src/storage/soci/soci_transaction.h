// SociTransaction: the Transaction methods, written once for every SOCI backend. The SQL is
// portable (SQLite ≥ 3.35 and PostgreSQL share RETURNING, ON CONFLICT and typed binds); what is not
// comes from the Dialect. Subclasses (sqlite/, postgres/) own the leased connection and begin,
// commit and roll back, which differ in more than their SQL.
//
// The methods are implemented by concern in soci_{agencies,users,sessions,calendar,audit,
// snapshot,reports,report_sources,applications,review_cases,disclosure_figures}.cc.
#pragma once

#include <soci/soci.h>

#include <optional>

#include "storage/soci/binds.h"
#include "storage/soci/dialect.h"
#include "storage/soci/guard.h"
#include "storage/store.h"

namespace gongkai::storage {

class SociTransaction : public Transaction {
 public:
  Result<int64_t> InsertAgency(const Agency& agency) override;
  Status UpdateAgency(const Agency& agency) override;
  Result<Agency> GetAgency(int64_t id) override;
  Result<std::vector<Agency>> ListAgencies() override;

  Result<int64_t> InsertUser(const User& user) override;
  Status UpdateUser(const User& user) override;
  Result<User> GetUser(int64_t id) override;
  Result<User> FindUserByName(std::string_view username) override;
  Result<std::vector<User>> ListUsers() override;

  Status InsertSession(const SessionRecord& session) override;
  Result<SessionRecord> GetSession(std::string_view id_hash) override;
  Status DeleteSession(std::string_view id_hash) override;
  Status DeleteUserSessions(int64_t user_id) override;
  Result<int64_t> DeleteExpiredSessions(int64_t now) override;

  Status PutCalendarYear(const CalendarYear& year) override;
  Result<std::vector<CalendarYear>> ListCalendarYears() override;

  Result<int64_t> InsertReport(const AnnualReport& report) override;
  Status UpdateReport(const AnnualReport& report) override;
  Result<AnnualReport> GetReport(int64_t id) override;
  Result<std::vector<AnnualReport>> ListReports(int64_t agency_id) override;
  Result<std::vector<AnnualReport>> ListReportsOfYear(int year) override;

  Result<int64_t> InsertReportSource(const ReportSource& source) override;
  Result<ReportSource> GetReportSource(int64_t id) override;
  Status SetReportSourceAgency(int64_t id, int64_t agency_id) override;
  Result<int64_t> DeleteUnsavedReportSources(std::string_view uploaded_before) override;

  Result<int64_t> InsertApplication(const application::Application& app) override;
  Status UpdateApplication(const application::Application& app) override;
  Result<application::Application> GetApplication(int64_t id) override;
  Result<application::Application> FindApplicationByQueryCode(std::string_view code) override;
  Result<std::vector<application::Application>> ListApplications(
      const ApplicationFilter& filter) override;
  Result<int64_t> CountApplications(const ApplicationFilter& filter) override;
  Result<int64_t> CountRecentSubmissions(std::string_view client_key,
                                         std::string_view since) override;
  Result<std::vector<application::CaseSummary>> SummariseApplications(int64_t agency_id,
                                                                      int year) override;

  Result<int64_t> InsertReviewCase(const litigation::ReviewCase& c) override;
  Status UpdateReviewCase(const litigation::ReviewCase& c) override;
  Result<litigation::ReviewCase> GetReviewCase(int64_t id) override;
  Result<std::vector<litigation::ReviewCase>> ListReviewCases(int64_t agency_id,
                                                              int64_t application_id) override;

  Result<int> NextPublicationSerial(int64_t agency_id, int year) override;
  Result<int64_t> InsertPublication(const publication::Publication& item) override;
  Status UpdatePublication(const publication::Publication& item) override;
  Result<publication::Publication> GetPublication(int64_t id) override;
  Result<publication::Publication> FindPublicationByIndexNumber(std::string_view number) override;
  Result<std::vector<publication::Publication>> ListPublications(
      const PublicationFilter& filter) override;
  Result<int64_t> CountPublications(const PublicationFilter& filter) override;
  Result<std::vector<std::pair<std::string, int64_t>>> CountPortalItems(int64_t agency_id) override;
  Result<PublicationHits> SearchPublications(const PublicationQuery& query) override;
  Result<int64_t> InsertAttachment(const publication::Attachment& meta,
                                   std::string_view data) override;
  Result<std::vector<publication::Attachment>> ListAttachments(int64_t publication_id) override;
  Result<publication::Attachment> GetAttachment(int64_t id, std::string* data) override;
  Result<int64_t> InsertChannelRecord(const publication::ChannelRecord& record) override;
  Result<std::vector<publication::ChannelRecord>> ListChannelRecords(
      int64_t publication_id) override;
  Result<std::vector<ChannelCount>> CountChannelRecords(int64_t agency_id, int year) override;

  Result<int64_t> InsertNormativeDocument(const disclosure::NormativeDocument& d) override;
  Status UpdateNormativeDocument(const disclosure::NormativeDocument& d) override;
  Result<disclosure::NormativeDocument> GetNormativeDocument(int64_t id) override;
  Result<std::vector<disclosure::NormativeDocument>> ListNormativeDocuments(
      int64_t agency_id) override;
  Result<int64_t> InsertDecisionFigures(const disclosure::DecisionFigures& f) override;
  Status UpdateDecisionFigures(const disclosure::DecisionFigures& f) override;
  Result<std::optional<disclosure::DecisionFigures>> FindDecisionFigures(int64_t agency_id,
                                                                        int year) override;
  Result<std::vector<disclosure::DecisionFigures>> ListDecisionFigures(int64_t agency_id) override;

  Result<AuditHead> LockAuditHead() override;
  Result<AuditHead> GetAuditHead() override;
  Status AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(int64_t after_seq, int limit) override;
  Result<std::vector<AuditEntry>> RecentAudit(const std::vector<std::string>& entities,
                                              int limit) override;

  Result<DataSnapshot> ExportAll() override;
  Status ImportAll(const DataSnapshot& rows) override;

 protected:
  SociTransaction(const Dialect& dialect, TxMode mode, std::atomic<uint64_t>* audited_commits)
      : dialect_(dialect), mode_(mode), audited_commits_(audited_commits) {}
  // For subclasses after a successful COMMIT: counts it when it carried audit entries
  // (Store::audited_commits).
  void NoteCommitted() {
    if (appended_audit_ && audited_commits_ != nullptr)
      audited_commits_->fetch_add(1, std::memory_order_release);
  }

  // The leased connection, while open.
  virtual soci::session& sql() = 0;
  // False once committed.
  virtual bool open() const = 0;

  // Every operation starts here: the transaction must still be open (and writable for writes).
  Status CheckUsable(std::string_view operation, bool writes) const;

  // Runs body, converting whatever it throws.
  template <class F>
  auto Guard(std::string_view operation, F&& body, const ConstraintMessages& messages = {})
      -> decltype(body()) {
    return GuardWith(body,
                     [&] { return dialect_.CurrentExceptionToStatus(operation, sql(), messages); });
  }

 private:
  // Guard for reads.
  template <class F>
  auto Read(std::string_view operation, F&& body) -> decltype(body()) {
    return Guard(operation, body);
  }
  // Guard for writes. Where the dialect asks for it (or `savepoint` is set), body runs in a
  // savepoint that is rolled back when body throws or returns an error, so the operation is
  // all-or-nothing and the transaction stays usable.
  template <class F>
  auto Write(std::string_view operation, F&& body, const ConstraintMessages& messages = {},
             bool savepoint = false) -> decltype(body()) {
    if (!savepoint && !dialect_.SavepointPerWrite()) return Guard(operation, body, messages);
    return Guard(
        operation,
        [&]() -> decltype(body()) {
          dialect_.Exec(sql(), "SAVEPOINT gk_op");
          try {
            auto result = body();
            dialect_.Exec(sql(), result.ok() ? "RELEASE SAVEPOINT gk_op" : kUndoSavepoint);
            return result;
          } catch (...) {
            try {
              dialect_.Exec(sql(), kUndoSavepoint);
            } catch (...) {
              // The original error is the one worth reporting (and says if the connection died).
            }
            throw;
          }
        },
        messages);
  }
  static constexpr char kUndoSavepoint[] = "ROLLBACK TO SAVEPOINT gk_op; RELEASE SAVEPOINT gk_op";

  // Shared by Get/List: one agency when id is set, else all; ordered by id.
  Result<std::vector<Agency>> SelectAgencies(std::optional<int64_t> id);
  void ReplaceLeadingGroup(int64_t agency_id, const std::vector<LeadingGroupMember>& members);
  // `lock`: LockAuditHead's read, which serialises writers.
  Result<AuditHead> ReadAuditHead(bool lock);
  // Append's two statements, also used by ImportAll; they throw on failure.
  void InsertAuditRow(const AuditEntry& entry);
  void MoveAuditHead(const AuditHead& head);
  // Shared by the report reads: `where` is "" or a condition on one bound value.
  Result<std::vector<AnnualReport>> SelectReports(const std::string& where, int64_t value,
                                                  const std::string& order);
  // One report file, or all when id is unset; ordered by id.
  Result<std::vector<ReportSource>> SelectReportSources(std::optional<int64_t> id);
  // Insert's statement, also used by ImportAll (keep_id: with s.id); returns the id; throws.
  int64_t InsertReportSourceRow(const ReportSource& s, bool keep_id);
  // The rows under a report that Update replaces; they throw on failure.
  void ReplaceReportChildren(const AnnualReport& report);
  // Applications. `where` ("" or " WHERE ...") and `tail` (ORDER BY, LIMIT) use `binds`. With
  // `with_events` the events of the result are read in one more query (per 1,000 rows), or in one
  // query for the whole table when `where` is empty.
  Result<std::vector<application::Application>> SelectApplications(const std::string& where,
                                                                   const std::string& tail,
                                                                   Binds& binds, bool with_events);
  // Insert's statements, also used by ImportAll (keep_id: with app.id, serial_no and version as
  // given); returns the id; throws.
  int64_t InsertApplicationRow(const application::Application& app, bool keep_id);
  // Inserts the events with seq above `after_seq`; throws.
  void InsertApplicationEvents(int64_t application_id,
                               const std::vector<application::CaseEvent>& events, int after_seq);
  // Publications: `where` ("" or " WHERE ...") and `tail` use `binds`; `full` reads bodies and
  // events too (lists leave them out).
  Result<std::vector<publication::Publication>> SelectPublications(const std::string& where,
                                                                   const std::string& tail,
                                                                   Binds& binds, bool full);
  // Insert's statements, also used by ImportAll (keep_id: with id and version); throw.
  int64_t InsertPublicationRow(const publication::Publication& item, bool keep_id);
  // Replaces the versions, appends new events and puts the search row in step; throws.
  void WritePublicationChildren(const publication::Publication& item, int64_t id);
  int64_t InsertAttachmentRow(const publication::Attachment& meta, std::string_view data,
                              bool keep_id);
  int64_t InsertChannelRow(const publication::ChannelRecord& record, bool keep_id);
  // `where` is "" or a condition on one bound value; with `data`, the (last) row's bytes.
  Result<std::vector<publication::Attachment>> SelectAttachments(const std::string& where,
                                                                 int64_t value, std::string* data);
  Result<std::vector<publication::ChannelRecord>> SelectChannelRecords(
      std::optional<int64_t> publication_id);
  // Review cases: `where` ("" or " WHERE ...") uses `binds`; ordered by `order`.
  Result<std::vector<litigation::ReviewCase>> SelectReviewCases(const std::string& where,
                                                                Binds& binds,
                                                                const std::string& order);
  // Insert's statement, also used by ImportAll (keep_id: with c.id and version); returns the id.
  int64_t InsertReviewCaseRow(const litigation::ReviewCase& c, bool keep_id);
  // Table 二's records: `where` ("" or " WHERE ...") uses `binds`; ordered by `order`.
  Result<std::vector<disclosure::NormativeDocument>> SelectNormativeDocuments(
      const std::string& where, Binds& binds, const std::string& order);
  Result<std::vector<disclosure::DecisionFigures>> SelectDecisionFigures(const std::string& where,
                                                                         Binds& binds);
  // Insert statements, also used by ImportAll (keep_id: with the id and version); return the id.
  int64_t InsertNormativeDocumentRow(const disclosure::NormativeDocument& d, bool keep_id);
  int64_t InsertDecisionFiguresRow(const disclosure::DecisionFigures& f, bool keep_id);
  // Shared by Get/Find/List: `where` is "" or a condition on one bound value.
  template <class T>
  Result<std::vector<User>> SelectUsers(const std::string& where, const T* value);

  const Dialect& dialect_;
  TxMode mode_;
  std::atomic<uint64_t>* audited_commits_ = nullptr;
  bool appended_audit_ = false;  // AppendAudit or ImportAll ran
};

}  // namespace gongkai::storage
