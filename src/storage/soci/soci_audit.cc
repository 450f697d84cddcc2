// The audit log and its head row. Writers lock the head before appending, so concurrent write
// transactions extend the chain one after another: the second waits for the first to commit and
// then reads the moved head. On PostgreSQL that is a row lock (SELECT ... FOR UPDATE); on SQLite
// the write transaction (BEGIN IMMEDIATE) already holds the only write lock, so it is a plain read.
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

constexpr char kAuditColumns[] =
    "SELECT seq, at, actor, action, entity, before_json, after_json, prev_hash, hash"
    " FROM audit_log";

// Binds one AuditEntry's fields as the targets of a SELECT of kAuditColumns.
void IntoEntry(soci::details::prepare_temp_type& query, AuditEntry& e) {
  query, soci::into(e.seq), soci::into(e.at), soci::into(e.actor), soci::into(e.action),
      soci::into(e.entity), soci::into(e.before_json), soci::into(e.after_json),
      soci::into(e.prev_hash), soci::into(e.hash);
}

std::vector<AuditEntry> FetchAll(soci::statement& select, AuditEntry& row) {
  std::vector<AuditEntry> entries;
  select.execute();
  while (select.fetch()) entries.push_back(row);
  return entries;
}

}  // namespace

Result<AuditHead> SociTransaction::LockAuditHead() {
  GK_RETURN_IF_ERROR(CheckUsable("lock audit head", true));
  return ReadAuditHead(true);
}

Result<AuditHead> SociTransaction::GetAuditHead() {
  GK_RETURN_IF_ERROR(CheckUsable("read audit head", false));
  return ReadAuditHead(false);
}

Result<AuditHead> SociTransaction::ReadAuditHead(bool lock) {
  std::string_view lock_clause = lock ? dialect_.AuditHeadLock() : "";
  auto body = [&]() -> Result<AuditHead> {
    AuditHead head;
    sql() << "SELECT seq, hash FROM audit_head WHERE id = 1" + std::string(lock_clause),
        soci::into(head.seq), soci::into(head.hash);
    if (!sql().got_data()) return Internal("audit_head row 1 is missing");
    return head;
  };
  // Waiting for the lock can time out (lock_timeout); the savepoint keeps the transaction usable.
  return lock_clause.empty() ? Read("read audit head", body) : Write("lock audit head", body);
}

Status SociTransaction::AppendAudit(const AuditEntry& entry) {
  GK_RETURN_IF_ERROR(CheckUsable("append audit entry", true));
  GK_ASSIGN_OR_RETURN(AuditHead head, LockAuditHead());
  // Both checks keep the chain linear even if a caller read a stale head.
  if (entry.seq != head.seq + 1 || entry.prev_hash != head.hash) {
    return Aborted("audit entry " + std::to_string(entry.seq) + " does not follow the head (seq " +
                       std::to_string(head.seq) + ", hash " + head.hash + "); reload and retry",
                   "操作日志已被他人追加，请重试");
  }
  appended_audit_ = true;
  return Write("append audit entry " + std::to_string(entry.seq), [&] {
    InsertAuditRow(entry);
    MoveAuditHead({entry.seq, entry.hash});
    return OkStatus();
  });
}

void SociTransaction::InsertAuditRow(const AuditEntry& e) {
  sql() << "INSERT INTO audit_log (seq, at, actor, action, entity, before_json, after_json,"
           " prev_hash, hash) VALUES (:seq, :at, :actor, :action, :entity, :before_json,"
           " :after_json, :prev_hash, :hash)",
      soci::use(e.seq), soci::use(e.at), soci::use(e.actor), soci::use(e.action),
      soci::use(e.entity), soci::use(e.before_json), soci::use(e.after_json),
      soci::use(e.prev_hash), soci::use(e.hash);
}

void SociTransaction::MoveAuditHead(const AuditHead& head) {
  sql() << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1", soci::use(head.seq),
      soci::use(head.hash);
}

Result<std::vector<AuditEntry>> SociTransaction::ListAudit(int64_t after_seq, int limit) {
  GK_RETURN_IF_ERROR(CheckUsable("list audit log", false));
  if (limit <= 0) return std::vector<AuditEntry>();
  return Read("list audit log", [&]() -> Result<std::vector<AuditEntry>> {
    AuditEntry row;
    soci::details::prepare_temp_type query =
        (sql().prepare << std::string(kAuditColumns) +
                              " WHERE seq > :after_seq ORDER BY seq LIMIT :limit");
    IntoEntry(query, row);
    query, soci::use(after_seq), soci::use(limit);
    soci::statement select = query;
    return FetchAll(select, row);
  });
}

Result<std::vector<AuditEntry>> SociTransaction::RecentAudit(
    const std::vector<std::string>& entities, int limit) {
  GK_RETURN_IF_ERROR(CheckUsable("recent audit entries", false));
  if (limit <= 0 || entities.empty()) return std::vector<AuditEntry>();
  return Read("recent audit entries", [&]() -> Result<std::vector<AuditEntry>> {
    std::string in;
    for (size_t i = 0; i < entities.size(); ++i) {
      in += (i == 0 ? ":e" : ", :e") + std::to_string(i);
    }
    AuditEntry row;
    soci::details::prepare_temp_type query =
        (sql().prepare << std::string(kAuditColumns) + " WHERE entity IN (" + in +
                              ") ORDER BY seq DESC LIMIT :limit");
    IntoEntry(query, row);
    for (const std::string& entity : entities) query, soci::use(entity);
    query, soci::use(limit);
    soci::statement select = query;
    return FetchAll(select, row);
  });
}

}  // namespace gongkai::storage
