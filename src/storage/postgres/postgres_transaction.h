// PostgresTransaction: one PostgreSQL transaction on a leased connection. The Transaction methods
// are implemented by concern in postgres_{agencies,users,sessions,calendar,audit}.cc.
//
// Read transactions are REPEATABLE READ READ ONLY: one snapshot for the whole page. Write
// transactions are READ COMMITTED; what keeps them correct is the version guard on every update
// and the audit_head row lock (LockAuditHead), which serialises writers of the audit chain.
//
// PostgreSQL aborts the whole transaction at the first failed statement, where SQLite fails only
// the statement. Each write operation therefore runs inside a savepoint (Write below), so a
// refused insert (duplicate name, missing parent) leaves the transaction usable, as on SQLite.
#pragma once

#include <soci/soci.h>

#include <optional>

#include "storage/postgres/connection_pool.h"
#include "storage/postgres/postgres_errors.h"
#include "storage/store.h"

namespace gongkai::storage::postgres {

class PostgresTransaction final : public Transaction {
 public:
  // Leases a connection from `pool` and begins.
  static Result<std::unique_ptr<Transaction>> Begin(ConnectionPool& pool, TxMode mode);
  ~PostgresTransaction() override;  // rolls back unless committed
  // Commit returns the connection to the pool whatever the outcome: PostgreSQL ends the
  // transaction either way.

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

  Result<AuditHead> LockAuditHead() override;
  Result<AuditHead> GetAuditHead() override;
  Status AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(int64_t after_seq, int limit) override;
  Result<std::vector<AuditEntry>> RecentAudit(const std::vector<std::string>& entities,
                                              int limit) override;

  Result<DataSnapshot> ExportAll() override;
  Status ImportAll(const DataSnapshot& rows) override;

  Status Commit() override;

 private:
  PostgresTransaction(ConnectionPool::Lease lease, TxMode mode)
      : lease_(std::move(lease)), mode_(mode) {}

  // Every operation starts here: the transaction must still be open (and writable for writes).
  Status CheckUsable(std::string_view operation, bool writes) const;
  soci::session& sql() { return **lease_; }

  // Guard for reads.
  template <class F>
  auto Read(std::string_view operation, F&& body) -> decltype(body()) {
    return Guard(operation, sql(), body);
  }
  // Guard for writes: runs body in a savepoint and rolls back to it when body throws or returns
  // an error, so the operation is all-or-nothing and the transaction stays usable.
  template <class F>
  auto Write(std::string_view operation, F&& body, const ConstraintMessages& messages = {})
      -> decltype(body()) {
    return Guard(
        operation, sql(),
        [&]() -> decltype(body()) {
          ExecScript(sql(), "SAVEPOINT gk_op");
          try {
            auto result = body();
            ExecScript(sql(), result.ok() ? "RELEASE SAVEPOINT gk_op" : kUndoSavepoint);
            return result;
          } catch (...) {
            try {
              ExecScript(sql(), kUndoSavepoint);
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
  Result<AuditHead> ReadAuditHead(bool for_update);
  // Shared by Get/Find/List: `where` is "" or a condition on one bound value.
  template <class T>
  Result<std::vector<User>> SelectUsers(const std::string& where, const T* value);

  std::optional<ConnectionPool::Lease> lease_;  // empty once committed
  TxMode mode_;
};

}  // namespace gongkai::storage::postgres
