#include "service/audit_service.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "service/crypto.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

Status RecordChange(storage::Transaction& tx, const Clock& clock, const Actor& actor,
                    std::string action, std::string entity, std::string before_json,
                    std::string after_json) {
  GK_ASSIGN_OR_RETURN(storage::AuditHead head, tx.LockAuditHead());
  AuditEntry e;
  e.seq = head.seq + 1;
  e.at = clock.NowRfc3339();
  e.actor = actor.Label();
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.before_json = std::move(before_json);
  e.after_json = std::move(after_json);
  e.prev_hash = head.hash;
  e.hash = Sha256Hex(AuditCanonical(e));
  return tx.AppendAudit(e);
}

void RecordRejected(storage::Store& store, const Clock& clock, const Actor& actor,
                    const std::string& action, const std::string& entity, const Status& why) {
  spdlog::info("rejected {} on {} by {}: {}", action, entity, actor.Label(), why.ToString());
  nlohmann::json detail = {{"code", StatusCodeName(why.code())}, {"error", why.message()}};
  Status st = InWrite(store, [&](storage::Transaction& tx) {
    return RecordChange(tx, clock, actor, action + ".rejected", entity, "", Dump(detail));
  });
  if (!st.ok())
    spdlog::warn("could not record rejected attempt in the audit log: {}", st.ToString());
}

Result<AuditVerification> AuditService::Verify() {
  AuditVerification result;
  int64_t after = 0;
  std::string prev(kGenesisHash);
  GK_ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> tx,
                      store_.Begin(storage::TxMode::kRead));
  for (;;) {
    GK_ASSIGN_OR_RETURN(std::vector<AuditEntry> page, tx->ListAudit(after, 5000));
    if (page.empty()) break;
    auto problems = VerifyAuditChain(page, Sha256Hex, after + 1, prev);
    result.problems.insert(result.problems.end(), problems.begin(), problems.end());
    result.entries += static_cast<int64_t>(page.size());
    after = page.back().seq;
    prev = page.back().hash;
  }
  // The head row must point at the last entry: deleting the newest rows is tampering too.
  GK_ASSIGN_OR_RETURN(storage::AuditHead head, tx->GetAuditHead());
  if (head.seq != after || head.hash != prev) {
    result.problems.push_back({head.seq, "the chain head (entry " + std::to_string(head.seq) +
                                             ") does not match the last stored entry (" +
                                             std::to_string(after) + "): entries were removed"});
  }
  return result;
}

Result<std::vector<AuditEntry>> AuditService::Recent(const std::vector<std::string>& entities,
                                                     int limit) {
  return InRead(store_, [&](storage::Transaction& tx) { return tx.RecentAudit(entities, limit); });
}

}  // namespace gongkai::service
