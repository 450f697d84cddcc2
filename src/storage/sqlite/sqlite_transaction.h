// SqliteTransaction: one SQLite transaction on a leased connection. The Transaction methods are
// implemented by concern in sqlite_{agencies,users,sessions,calendar,audit}.cc.
//
// Write transactions start with BEGIN IMMEDIATE, so writers serialise on the database lock at the
// start (waiting up to busy_timeout) instead of failing when a read lock would be upgraded; that
// same lock is what keeps the audit chain from forking. Read transactions use plain BEGIN and
// refuse writes.
#pragma once

#include <soci/soci.h>

#include <optional>

#include "storage/sqlite/connection_pool.h"
#include "storage/store.h"

namespace gongkai::storage::sqlite {

class SqliteTransaction final : public Transaction {
 public:
  // Leases a connection from `pool` and begins.
  static Result<std::unique_ptr<Transaction>> Begin(ConnectionPool& pool, TxMode mode);
  ~SqliteTransaction() override;  // rolls back unless committed
  // Commit also returns the connection to the pool at once (a pool of one must not stay blocked by
  // a finished transaction its caller keeps around).

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
  SqliteTransaction(ConnectionPool::Lease lease, TxMode mode)
      : lease_(std::move(lease)), mode_(mode) {}

  // Every operation starts here: the transaction must still be open (and writable for writes).
  Status CheckUsable(std::string_view operation, bool writes) const;
  soci::session& sql() { return **lease_; }

  // Shared by Get/List: one agency when id is set, else all; ordered by id.
  Result<std::vector<Agency>> SelectAgencies(std::optional<int64_t> id);
  Status ReplaceLeadingGroup(int64_t agency_id, const std::vector<LeadingGroupMember>& members);
  Result<AuditHead> ReadAuditHead();
  // Shared by Get/Find/List: `where` is "" or a condition on one bound value.
  template <class T>
  Result<std::vector<User>> SelectUsers(const std::string& where, const T* value);

  std::optional<ConnectionPool::Lease> lease_;  // empty once committed
  TxMode mode_;
};

}  // namespace gongkai::storage::sqlite
